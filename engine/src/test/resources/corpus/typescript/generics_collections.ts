// Generic containers and functions: a typed cache, groupBy, a priority queue, Result types.
class LruCache<K, V> {
  private map = new Map<K, V>();
  constructor(private readonly capacity: number) {}
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) { this.map.delete(key); this.map.set(key, v); }
    return v;
  }
  set(key: K, value: V): this {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
    return this;
  }
  keys(): K[] { return [...this.map.keys()]; }
}
function groupBy<T, K extends PropertyKey>(items: readonly T[], key: (t: T) => K): Record<K, T[]> {
  const out = {} as Record<K, T[]>;
  for (const item of items) (out[key(item)] ??= []).push(item);
  return out;
}
class PriorityQueue<T> {
  private heap: { p: number; v: T }[] = [];
  push(v: T, p: number): void {
    this.heap.push({ p, v });
    let i = this.heap.length - 1;
    while (i > 0) { const parent = (i - 1) >> 1; if (this.heap[parent].p <= this.heap[i].p) break; [this.heap[parent], this.heap[i]] = [this.heap[i], this.heap[parent]]; i = parent; }
  }
  pop(): T | undefined {
    const top = this.heap[0]; const last = this.heap.pop();
    if (this.heap.length > 0 && last) {
      this.heap[0] = last; let i = 0;
      for (;;) { const l = 2 * i + 1, r = l + 1; let m = i; if (l < this.heap.length && this.heap[l].p < this.heap[m].p) m = l; if (r < this.heap.length && this.heap[r].p < this.heap[m].p) m = r; if (m === i) break; [this.heap[m], this.heap[i]] = [this.heap[i], this.heap[m]]; i = m; }
    }
    return top?.v;
  }
  get size(): number { return this.heap.length; }
}
type Result<T, E = string> = { ok: true; value: T } | { ok: false; error: E };
const parseNum = (s: string): Result<number> => (Number.isNaN(Number(s)) ? { ok: false, error: `not a number: ${s}` } : { ok: true, value: Number(s) });
const cache = new LruCache<string, number>(2);
cache.set('a', 1).set('b', 2); cache.get('a'); cache.set('c', 3);
console.log(cache.keys(), cache.get('b'));
console.log(groupBy(['apple', 'avocado', 'banana', 'cherry', 'blueberry'], (s) => s[0]));
const pq = new PriorityQueue<string>();
[['low', 5], ['urgent', 1], ['mid', 3], ['also urgent', 1]].forEach(([v, p]) => pq.push(v as string, p as number));
const order: string[] = []; while (pq.size) order.push(pq.pop()!);
console.log(order);
for (const r of ['12', 'x', '3.5'].map(parseNum)) console.log(r.ok ? `value ${r.value}` : `error ${r.error}`);
function pick<T, K extends keyof T>(obj: T, ...keys: K[]): Pick<T, K> { return Object.fromEntries(keys.map((k) => [k, obj[k]])) as Pick<T, K>; }
console.log(pick({ a: 1, b: 'two', c: [3] }, 'a', 'c'));
const pairs: Array<[string, number]> = [['x', 2], ['y', 1]];
console.log(new Map(pairs), Object.fromEntries(pairs.sort(([, a], [, b]) => a - b)));
