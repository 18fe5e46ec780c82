// Brotli: Node has it; the sandbox's zlib (pako) does not.
const zlib = require('zlib');
const packed = zlib.brotliCompressSync('brotli text');
console.log(zlib.brotliDecompressSync(packed).toString());
