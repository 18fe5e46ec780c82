// Fetches argv[2], then shows the guest's environment and argv.
async function main() {
  try {
    const res = await fetch(process.argv[2]);
    console.log('status', res.status);
  } catch (e) {
    console.log('refused', e.name);
  }
  console.log('env', JSON.stringify(process.env));
  console.log('argv', JSON.stringify(process.argv));
}
main();
