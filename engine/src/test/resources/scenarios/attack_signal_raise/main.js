for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  try {
    process.kill(process.pid, sig);
    console.log('reached', sig);
  } catch (e) {
    console.log('refused', e.code || e.name);
  }
}
console.log('after');
