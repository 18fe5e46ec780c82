// Buffers: encodings, binary reads and writes, slicing, comparing, and how they print.
const b = Buffer.from('Hello, wörld! 👋');
console.log(b, b.length, b.toString('hex'), b.toString('base64'), b.toString('base64url'));
console.log(Buffer.from('SGVsbG8=', 'base64').toString(), Buffer.from('48656c6c6f', 'hex').toString('latin1'), Buffer.from('aGk_-w', 'base64url'));
console.log(btoa('binary\xff'), atob('YWJj'), Buffer.from('ÿ', 'latin1'), Buffer.from([256, -1, 3.7]));
const buf = Buffer.alloc(16);
buf.writeUInt32BE(0xdeadbeef, 0); buf.writeInt16LE(-2, 4); buf.writeDoubleLE(Math.PI, 6); buf.writeUInt8(255, 14);
console.log(buf, buf.readUInt32BE(0).toString(16), buf.readInt16LE(4), buf.readDoubleLE(6), buf.readUInt16BE(14));
console.log(buf.subarray(0, 4), buf.slice(-2), Buffer.concat([Buffer.from('ab'), Buffer.from('cd')]).toString(), Buffer.alloc(5, 'ab'));
console.log(Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('abc').equals(Buffer.from('abc')), Buffer.from('abcabc').indexOf('ca'), Buffer.from('x').includes('x'));
console.log(Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(1)), Buffer.byteLength('€'), Buffer.isEncoding('utf8'), Buffer.isEncoding('nope'));
console.log(JSON.stringify(Buffer.from('hi')), Buffer.from(JSON.parse(JSON.stringify(Buffer.from('hi')))).toString(), [...Buffer.from('AB')]);
const big = Buffer.alloc(60, 1); console.log(big);
const copy = Buffer.alloc(4); Buffer.from('wxyz').copy(copy, 1, 0, 2); console.log(copy, copy.toString('utf8', 1, 3), Buffer.from('  ').fill(0x41));
console.log(Buffer.from('€').toString('ascii'), Buffer.from([0xe2, 0x82]).toString(), Buffer.from('Zoë').toString('utf16le').length, Buffer.from('hi', 'utf16le'));
const u8 = new Uint8Array([1, 2, 3]); const shared = Buffer.from(u8.buffer); u8[0] = 9; console.log(shared[0], Buffer.from(u8)[0]);
console.log(buf.readBigUInt64BE(0), Buffer.from('ff', 'hex').readInt8(0), b.toJSON().data.length, typeof Buffer.poolSize);
