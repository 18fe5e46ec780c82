// assert: passing checks are silent; failures are AssertionErrors with Node's code and operator.
const assert = require('assert');
assert(true); assert.ok(1); assert.equal(1, '1'); assert.strictEqual(NaN, NaN); assert.notStrictEqual(1, '1');
assert.deepStrictEqual({ a: [1, { b: new Date(0) }], s: new Set([1]), m: new Map([['k', 'v']]) }, { a: [1, { b: new Date(0) }], s: new Set([1]), m: new Map([['k', 'v']]) });
assert.deepEqual({ a: 1 }, { a: '1' }); assert.notDeepStrictEqual({ a: 1 }, { a: '1' });
assert.throws(() => { throw new TypeError('bad input'); }, TypeError);
assert.throws(() => { throw new Error('code 42'); }, /42/);
assert.throws(() => { throw Object.assign(new Error('x'), { code: 'E_X' }); }, { code: 'E_X', message: 'x' });
assert.doesNotThrow(() => 1); assert.match('abc', /b/); assert.doesNotMatch('abc', /z/);
console.log('all passed');
const checks = [
  () => assert.strictEqual(1, 2),
  () => assert.strictEqual('a', 'b', 'letters differ'),
  () => assert.equal(1, 2),
  () => assert.notStrictEqual(5, 5),
  () => assert.deepStrictEqual([1, 2], [1, 2, 3]),
  () => assert.throws(() => {}),
  () => assert.throws(() => {}, TypeError),
  () => assert.match('abc', /x/),
  () => assert.fail('explicit'),
  () => assert.fail(),
  () => assert.ok(false, 'custom message'),
  () => assert.ifError(new Error('boom')),
  () => assert.strict.equal(1, '1'),
];
for (const check of checks) {
  try { check(); console.log('no error?'); } catch (e) {
    console.log(e.name, e.code, e.operator, e.generatedMessage, e instanceof assert.AssertionError, JSON.stringify(e.message));
  }
}
assert.rejects(Promise.reject(new RangeError('r')), RangeError).then(() => console.log('rejects ok'));
console.log(require('util').isDeepStrictEqual({ x: [1] }, { x: [1] }), require('util').isDeepStrictEqual([1], ['1']));
