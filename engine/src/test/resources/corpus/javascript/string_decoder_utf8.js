// StringDecoder joins multi-byte characters split across chunks, as stream readers need.
const { StringDecoder } = require('string_decoder');
const bytes = Buffer.from('€ uro 👍 ñ', 'utf8');
for (const size of [1, 2, 3, 5]) {
  const d = new StringDecoder('utf8');
  let out = '';
  const pieces = [];
  for (let i = 0; i < bytes.length; i += size) { const s = d.write(bytes.subarray(i, i + size)); pieces.push(s.length); out += s; }
  out += d.end();
  console.log(size, JSON.stringify(out), pieces.join(','));
}
const hex = new StringDecoder('hex'); console.log(hex.write(Buffer.from([1, 255])), hex.end(Buffer.from([16])));
const b64 = new StringDecoder('base64'); console.log(b64.write(Buffer.from('ab')), b64.write(Buffer.from('c')), b64.end());
const partial = new StringDecoder('utf8'); console.log(JSON.stringify(partial.write(Buffer.from([0xe2, 0x82]))), JSON.stringify(partial.end()));
const latin = new StringDecoder('latin1'); console.log(latin.write(Buffer.from([0xe9, 0x41])), new StringDecoder().encoding, new StringDecoder('utf-16le').write(Buffer.from('hi', 'utf16le')));
