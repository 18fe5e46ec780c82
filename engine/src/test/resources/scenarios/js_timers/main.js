const order = [];
setTimeout(() => order.push('timeout 150'), 150);
setTimeout(() => order.push('timeout 0'), 0);
setImmediate(() => order.push('immediate'));
process.nextTick(() => order.push('nextTick'));
queueMicrotask(() => order.push('microtask'));
Promise.resolve().then(() => order.push('promise'));
const cancelled = setTimeout(() => order.push('cancelled'), 5);
clearTimeout(cancelled);
let ticks = 0;
const interval = setInterval(() => {
  ticks += 1;
  if (ticks === 3) {
    clearInterval(interval);
    order.push('interval x3');
  }
}, 5);
const started = performance.now();
setTimeout(() => {
  const waited = performance.now() - started;
  console.log(order.join(', '));
  console.log(waited >= 290 ? 'waited' : `only ${waited} ms`);
}, 300);
// Node clamps setTimeout(0) to 1 ms, so whether 'timeout 0' or 'immediate' comes first after the
// main script depends on whether 1 ms has passed by the loop's first turn (nondeterministic in Node
// too). The main script runs 2 ms here, as real scripts do, so the order is Node's fixed one.
const scriptStart = performance.now();
while (performance.now() - scriptStart < 2) {
  // busy: the main script's own work
}
order.push('sync');
