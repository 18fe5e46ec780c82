console.log('before');
async function load() {
  await null;
  throw new Error('rejected later');
}
load();
setTimeout(() => console.log('never printed'), 50);
