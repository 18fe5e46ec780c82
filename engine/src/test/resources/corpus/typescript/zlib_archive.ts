// A tiny typed archive format: entries deflated with zlib, listed and extracted again.
import * as zlib from 'zlib';
interface Stored { name: string; raw: number; packed: Buffer; crc: number }
function pack(files: Map<string, string>): Buffer {
  const parts: Buffer[] = [];
  for (const [name, text] of files) {
    const raw = Buffer.from(text);
    const packed = zlib.deflateRawSync(raw, { level: 9 });
    const head = Buffer.alloc(10);
    head.writeUInt16BE(Buffer.byteLength(name), 0); head.writeUInt32BE(raw.length, 2); head.writeUInt32BE(packed.length, 6);
    parts.push(head, Buffer.from(name), packed, Buffer.from(zlib.crc32(raw).toString(16).padStart(8, '0'), 'hex'));
  }
  return zlib.gzipSync(Buffer.concat(parts));
}
function list(archive: Buffer): Stored[] {
  const data = zlib.gunzipSync(archive);
  const out: Stored[] = [];
  for (let off = 0; off < data.length;) {
    const nameLen = data.readUInt16BE(off); const raw = data.readUInt32BE(off + 2); const size = data.readUInt32BE(off + 6);
    const name = data.toString('utf8', off + 10, off + 10 + nameLen);
    const packed = data.subarray(off + 10 + nameLen, off + 10 + nameLen + size);
    const crc = data.readUInt32BE(off + 10 + nameLen + size);
    out.push({ name, raw, packed, crc });
    off += 10 + nameLen + size + 4;
  }
  return out;
}
const files = new Map<string, string>([['notes.txt', 'remember the milk\n'.repeat(20)], ['data.csv', 'a,b\n1,2\n'], ['ünïcode.md', '# ✓ done\n']]);
const archive = pack(files);
console.log('gzip magic', archive.subarray(0, 2).toString('hex'));
for (const e of list(archive)) {
  const text = zlib.inflateRawSync(e.packed).toString();
  console.log(e.name.padEnd(12), String(e.raw).padStart(4), e.packed.length < e.raw ? 'smaller' : 'not smaller', zlib.crc32(text) === e.crc, text === files.get(e.name));
}
try { list(Buffer.from('not an archive')); } catch (e) { console.log('error', (e as NodeJS.ErrnoException).code); }
