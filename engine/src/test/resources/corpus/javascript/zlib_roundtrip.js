// zlib: round trips, decoding known compressed data, errors, async and stream forms, crc32.
const zlib = require('zlib');
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(50) + 'Ünïcode ✓';
for (const [c, d] of [['gzipSync', 'gunzipSync'], ['deflateSync', 'inflateSync'], ['deflateRawSync', 'inflateRawSync'], ['gzipSync', 'unzipSync'], ['deflateSync', 'unzipSync']]) {
  const packed = zlib[c](text, { level: 9 });
  console.log(c, d, packed.length < text.length, zlib[d](packed).toString() === text);
}
// fixed data made elsewhere: decompression output must match exactly
const gz = Buffer.from('H4sIAAAAAAAAA8tIzcnJVyjPL8pJUQQAlQYXOw0AAAA=', 'base64');
console.log(JSON.stringify(zlib.gunzipSync(gz).toString()));
const dfl = Buffer.from('eJzLSM3JyVcozy/KSVEEAB6JBF4=', 'base64');
console.log(zlib.inflateSync(dfl).toString(), zlib.unzipSync(dfl).toString());
try { zlib.gunzipSync(Buffer.from('not gzip at all')); } catch (e) { console.log(e.code, e.errno, e.message); }
try { zlib.inflateSync(dfl.subarray(0, 8)); } catch (e) { console.log(e.code, e.message); }
try { zlib.inflateSync(zlib.deflateSync(Buffer.alloc(5000)), { maxOutputLength: 100 }); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(zlib.crc32('hello world'), zlib.crc32(Buffer.from('')), zlib.crc32('b', zlib.crc32('a')) === zlib.crc32('ab'));
console.log(zlib.constants.Z_BEST_COMPRESSION, zlib.constants.Z_SYNC_FLUSH, typeof zlib.createGzip);
zlib.gzip('async data', (err, packed) => {
  zlib.gunzip(packed, (err2, out) => console.log('callback', err, err2, out.toString()));
});
const { promisify } = require('util');
promisify(zlib.deflate)('promised').then((p) => console.log('promisified', zlib.inflateSync(p).toString()));
const chunks = [];
const gzip = zlib.createGzip();
const gunzip = zlib.createGunzip();
gzip.pipe(gunzip);
gunzip.on('data', (c) => chunks.push(c)).on('end', () => console.log('streamed', Buffer.concat(chunks).toString()));
gzip.write('stream part 1, ');
gzip.end('part 2');
