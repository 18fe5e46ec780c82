console.log({ a: 1, b: 'x', c: [1, 2, { d: new Map([[1, 2]]) }] });
console.log('%s=%d', 'n', 42, 'extra');
console.log('%o|%%|%j', [1], { k: 'v' });
const o = { name: 'o' };
o.self = o;
console.log(o);
console.log([1, , 3], new Set(['a']), -0, 10n, Symbol('q'), null, undefined);
console.error('to stderr', { e: 1 });
