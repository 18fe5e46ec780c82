// process.exit ends at once with its status, even with timers and promises pending.
process.on('exit', (code) => console.log('exiting with', code));
setTimeout(() => console.log('never printed'), 50);
const items = [3, 7, 0, 9];
for (const [i, v] of items.entries()) {
  if (v === 0) {
    console.error(`item ${i} is zero`);
    process.exit(4);
  }
  console.log('item', i, 100 / v);
}
console.log('not reached');
