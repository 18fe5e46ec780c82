// Binary records with Buffer: a typed header, checksums, base64 transport.
interface Header { magic: string; version: number; count: number; flags: number }
function encode(h: Header, payload: string[]): Buffer {
  const body = Buffer.concat(payload.map((p) => { const b = Buffer.from(p, 'utf8'); const len = Buffer.alloc(2); len.writeUInt16BE(b.length); return Buffer.concat([len, b]); }));
  const head = Buffer.alloc(12);
  head.write(h.magic, 0, 4, 'ascii'); head.writeUInt16LE(h.version, 4); head.writeUInt32BE(h.count, 6); head.writeUInt16BE(h.flags, 10);
  return Buffer.concat([head, body]);
}
function decode(buf: Buffer): { header: Header; items: string[] } {
  const header: Header = { magic: buf.toString('ascii', 0, 4), version: buf.readUInt16LE(4), count: buf.readUInt32BE(6), flags: buf.readUInt16BE(10) };
  const items: string[] = [];
  let off = 12;
  while (off < buf.length) { const n = buf.readUInt16BE(off); items.push(buf.subarray(off + 2, off + 2 + n).toString('utf8')); off += 2 + n; }
  return { header, items };
}
const packet = encode({ magic: 'CRL1', version: 3, count: 2, flags: 0b1010 }, ['héllo', '世界']);
console.log(packet, packet.length);
const wire: string = packet.toString('base64');
console.log(wire, Buffer.from(wire, 'base64').equals(packet));
console.log(decode(Buffer.from(wire, 'base64')));
const sum = (b: Uint8Array): number => b.reduce((a, x) => (a + x) & 0xffff, 0);
console.log(sum(packet), packet.toString('hex').match(/.{1,8}/g)!.join(' '));
const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
console.log(view.getUint16(4, true), view.getUint32(6), Array.from(packet.subarray(0, 4)).map((c) => String.fromCharCode(c)).join(''));
console.log(Buffer.from('ff00', 'hex').readUInt16BE(0), Buffer.alloc(4).fill('ab').toString(), Buffer.from([1, 2, 3]).reverse());
