// Generic lazy iterator helpers written in TypeScript (Node 20 has no Iterator helpers yet).
class Lazy<T> implements Iterable<T> {
  constructor(private readonly source: () => Iterator<T>) {}
  static of<T>(items: Iterable<T>): Lazy<T> { return new Lazy(() => items[Symbol.iterator]()); }
  static range(start: number, end = Infinity): Lazy<number> { return new Lazy(function* () { for (let i = start; i < end; i++) yield i; }); }
  [Symbol.iterator](): Iterator<T> { return this.source(); }
  map<U>(f: (t: T) => U): Lazy<U> { const self = this; return new Lazy(function* () { for (const x of self) yield f(x); }); }
  filter(f: (t: T) => boolean): Lazy<T> { const self = this; return new Lazy(function* () { for (const x of self) if (f(x)) yield x; }); }
  take(n: number): Lazy<T> { const self = this; return new Lazy(function* () { if (n <= 0) return; for (const x of self) { yield x; if (--n <= 0) return; } }); }
  chunk(n: number): Lazy<T[]> { const self = this; return new Lazy(function* () { let buf: T[] = []; for (const x of self) { buf.push(x); if (buf.length === n) { yield buf; buf = []; } } if (buf.length) yield buf; }); }
  zip<U>(other: Iterable<U>): Lazy<[T, U]> { const self = this; return new Lazy(function* () { const it = other[Symbol.iterator](); for (const x of self) { const y = it.next(); if (y.done) return; yield [x, y.value] as [T, U]; } }); }
  reduce<A>(f: (a: A, t: T) => A, init: A): A { let acc = init; for (const x of this) acc = f(acc, x); return acc; }
  toArray(): T[] { return [...this]; }
}
const primes = Lazy.range(2).filter((n) => { for (let d = 2; d * d <= n; d++) if (n % d === 0) return false; return true; });
console.log(primes.take(15).toArray());
console.log(Lazy.range(1, 11).map((x) => x * x).chunk(4).toArray());
console.log(Lazy.of(['a', 'b', 'c']).zip(Lazy.range(100)).toArray(), Lazy.range(1, 101).reduce((a, b) => a + b, 0));
let pulled = 0;
const counted = Lazy.range(0).map((x) => { pulled++; return x; }).filter((x) => x % 3 === 0).take(4).toArray();
console.log(counted, 'pulled', pulled);
const words = Lazy.of('the quick brown fox jumps over the lazy dog'.split(' '));
console.log(words.filter((w) => w.length > 3).map((w) => w.toUpperCase()).toArray(), new Set(words).size);
