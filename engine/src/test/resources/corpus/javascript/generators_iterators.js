// Generators, iterators and lazy pipelines.
function* range(start, end, step = 1) { for (let i = start; i < end; i += step) yield i; }
function* take(it, n) { for (const x of it) { if (n-- <= 0) return; yield x; } }
function* naturals() { let n = 0; while (true) yield n++; }
console.log([...range(0, 10, 3)], [...take(naturals(), 5)], Array.from(range(1, 4), (x) => x * 10));
const g = range(0, 2); console.log(g.next(), g.next(), g.next(), g[Symbol.toStringTag], typeof g.return);
function* echo() { let received = []; while (true) { const x = yield received.length; if (x === undefined) break; received.push(x); } return received; }
const e = echo(); e.next(); e.next('a'); e.next('b'); console.log(e.next());
const fibs = { *[Symbol.iterator]() { let [a, b] = [0, 1]; for (;;) { yield a; [a, b] = [b, a + b]; } } };
console.log([...take(fibs, 12)]);
const it = [10, 20, 30][Symbol.iterator](); console.log(it.next(), [...it]);
const entries = new Map([['a', 1]]).entries(); console.log(entries.next(), entries.next().done);
function* delegating() { yield 'start'; const r = yield* inner(); yield `inner returned ${r}`; }
function* inner() { yield 'i1'; yield 'i2'; return 'R'; }
console.log([...delegating()]);
const gen = naturals(); gen.next(); console.log(gen.return(99), gen.next());
try { const t = (function* () { try { yield 1; } finally { console.log('cleanup ran'); } })(); t.next(); t.throw(new Error('thrown in')); } catch (err) { console.log('caught', err.message); }
const [first, , third, ...rest] = range(0, 6); console.log(first, third, rest);
console.log(Object.entries({ x: 1, y: 2 }).map(([k, v]) => k + v).join(), [...'ab'].entries().next().value, [...Array(3).keys()]);
