// A failing assertion nobody catches ends the run with exit code 1.
const assert = require('assert/strict');
const total = [1, 2, 3].reduce((a, b) => a + b, 0);
console.log('total', total);
assert.equal(total, 6);
assert.deepEqual({ total }, { total: 7 }, 'totals must match');
console.log('not reached');
