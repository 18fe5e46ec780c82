// Maps, Sets, arrays: grouping, counting, dedup, sorting, and how console.log shows them.
const orders = [
  { id: 1, customer: 'ann', items: ['pen', 'ink'], total: 12.5 },
  { id: 2, customer: 'bob', items: ['pad'], total: 4 },
  { id: 3, customer: 'ann', items: ['pen', 'pad', 'clip'], total: 9.25 },
  { id: 4, customer: 'cid', items: [], total: 0 },
];
const byCustomer = new Map();
for (const o of orders) byCustomer.set(o.customer, [...(byCustomer.get(o.customer) || []), o.id]);
console.log(byCustomer);
console.log(new Set(orders.flatMap((o) => o.items)));
const counts = orders.flatMap((o) => o.items).reduce((m, i) => m.set(i, (m.get(i) || 0) + 1), new Map());
console.log([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
console.log(Object.fromEntries(counts), Object.entries({ a: 1, b: 2 }).map(([k, v]) => `${k}${v}`));
console.log(orders.toSorted((a, b) => b.total - a.total).map((o) => o.id), orders.findLast((o) => o.customer === 'ann').id);
console.log(orders.map((o) => o.total).reduce((a, b) => a + b), Math.max(...orders.map((o) => o.items.length)));
const a = new Set([1, 2, 3, 4]); const b = new Set([3, 4, 5]);
console.log([...a].filter((x) => b.has(x)), [...new Set([...a, ...b])], [...a].filter((x) => !b.has(x)));
console.log(Array.from({ length: 5 }, (_, i) => i * i), [3, 1, 10, 2].sort(), [3, 1, 10, 2].sort((x, y) => x - y));
console.log([1, [2, [3, [4, [5]]]]].flat(Infinity), [1, 2, 3].includes(NaN), [NaN].includes(NaN), [NaN].indexOf(NaN));
const chunk = (arr, n) => arr.reduce((acc, x, i) => (i % n ? acc[acc.length - 1].push(x) : acc.push([x]), acc), []);
console.log(chunk([1, 2, 3, 4, 5, 6, 7], 3), Array(3).fill().map((_, i) => i), [, 1, , 2]);
const wm = new WeakMap(); const key = {}; wm.set(key, 'v'); console.log(wm.get(key), wm.has({}), wm);
console.log(new Map([[{ k: 1 }, [1, 2]], ['s', new Set(['x'])]]), new Map(), new Set(), [new Map([[1, { a: { b: { c: 1 } } }]])]);
console.log(Array.from(new Map([['a', 1]]).entries()), [...'héllo'].reverse().join(''), Array.of(7).concat([8], 9));
console.log([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]);
console.log(Array.from({ length: 120 }, (_, i) => i % 7));
