// console.table draws the same box table Node does.
console.table([{ name: 'ann', age: 31, city: 'Oslo' }, { name: 'bob', age: 4 }, { name: 'Zoë', city: '東京' }]);
console.table({ north: { sales: 10, returns: 1 }, south: { sales: 7.5 } });
console.table([[1, 'two', { three: 3 }], [4]]);
console.table(['apple', 'banana', 7, null]);
console.table([{ a: 1, b: 2, c: 3 }], ['c', 'a']);
console.table(new Map([['k1', { v: 1 }], ['k2', [1, 2, 3, 4]]]));
console.table(new Set(['x', 'y']));
console.table([{ nested: { deep: { deeper: 1 } }, list: [1, 2, 3, 4, 5], long: 'x'.repeat(12) }]);
console.table('not tabular');
console.table([]);
