// `assert/strict`: the assert module in strict mode (equal is strictEqual, and so on).
'use strict';
module.exports = require('./assert.js').strict;
