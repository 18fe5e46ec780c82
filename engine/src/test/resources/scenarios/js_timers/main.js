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
order.push('sync');
