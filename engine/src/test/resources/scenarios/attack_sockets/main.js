for (const name of ['net', 'http', 'dgram', 'tls']) {
  try {
    const m = require(name);
    if (m && (m.connect || m.request || m.createSocket)) {
      (m.connect || m.request || m.createSocket)('127.0.0.1');
      console.log('reached', name);
    } else {
      console.log('refused', name);
    }
  } catch (e) {
    console.log('refused', e.code || e.name);
  }
}
console.log('after');
