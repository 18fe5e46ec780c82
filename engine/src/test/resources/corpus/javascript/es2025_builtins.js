// ECMAScript 2024/2025 built-ins that Node 20's V8 does not have yet.
console.log(Object.groupBy([1, 2, 3, 4], (n) => (n % 2 ? 'odd' : 'even')));
console.log(new Set([1, 2]).union(new Set([2, 3])), Promise.withResolvers !== undefined);
console.log([3, 1, 2].values().map((x) => x * 2).toArray());
