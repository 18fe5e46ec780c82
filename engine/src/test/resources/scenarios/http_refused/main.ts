async function main() {
  try {
    await fetch(process.argv[2]);
    console.log('reached');
  } catch (e) {
    console.log('refused:', e.name, e.message);
  }
  console.log('still running');
}
main();
