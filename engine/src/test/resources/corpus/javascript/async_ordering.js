// The order Node runs sync code, nextTick, promise jobs, immediates and timers in (only orders
// Node guarantees: no race between the main script's timers and immediates).
const order = [];
const log = (s) => order.push(s);
setImmediate(() => {
  log('immediate');
  process.nextTick(() => log('tick in immediate'));
  Promise.resolve().then(() => log('promise in immediate'));
});
setImmediate(() => log('second immediate'));
process.nextTick(() => log('tick 1'));
Promise.resolve().then(() => { log('promise 1'); process.nextTick(() => log('tick from promise')); }).then(() => log('promise 2'));
queueMicrotask(() => log('microtask'));
process.nextTick(() => { log('tick 2'); process.nextTick(() => log('nested tick')); });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const asyncDone = (async () => { log('async start'); await null; log('after await'); await sleep(5); })();
log('sync end');
let ticks = 0;
const intervalDone = new Promise((resolve) => {
  const iv = setInterval(() => { ticks++; if (ticks === 3) { clearInterval(iv); resolve(); } }, 1);
});
const inTimer = new Promise((resolve) => setTimeout(() => {
  const seen = [];
  setTimeout(() => { seen.push('timeout 0'); resolve(seen); }, 0);
  setImmediate(() => seen.push('immediate'));
  process.nextTick(() => seen.push('tick'));
  Promise.resolve().then(() => seen.push('promise'));
}, 2));
Promise.all([asyncDone, intervalDone, inTimer]).then(([, , seen]) => {
  console.log(order.join('\n'));
  console.log('interval ticks', ticks, 'inside a timer:', seen.join(', '));
});
