// The `path` module: the npm `path-browserify` package (Node's POSIX path code, ported), which is
// what Node's `path` is on Linux. `path.win32` is not provided.
'use strict';
const path = require('node_modules/path-browserify/index.js');
module.exports = path;
