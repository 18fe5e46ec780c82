// module-level state: survives between calls only in a warm instance
let count = 0;

function execute(input) {
  count += 1;
  console.log('call ' + count);
  if (input && input.raise) {
    throw new Error('asked to raise');
  }
  if (input && input.spin) {
    for (;;) {
    }
  }
  if (input && input.timer) {
    // left pending when execute returns: never runs, in a fresh context or a warm instance
    setTimeout(() => console.log('late timer of call ' + count), 0);
  }
  const result = { count, mode: process.env.MODE === undefined ? null : process.env.MODE };
  if (input && input.wait) {
    // the event loop turns until a later timer settles the result
    return new Promise((resolve) => setTimeout(() => resolve(result), 5));
  }
  return result;
}
