const { EventEmitter } = require('events');
const util = require('node:util');
const emitter = new EventEmitter();
emitter.once('ping', (v) => console.log(`ping ${v}`));
emitter.emit('ping', 1);
emitter.emit('ping', 2);
console.log(util.format('%s:%d', 'a', 1), util.inspect({ x: [1] }));
for (const name of ['child_process', 'net', 'left-pad']) {
  try {
    require(name);
  } catch (e) {
    console.log(e.code);
  }
}
console.log(typeof module, typeof exports, module.exports === exports);
