// Hashes, HMACs and random values as tool code uses them (checksums, signatures, ids).
const crypto = require('crypto');
const inputs = ['', 'abc', 'héllo wörld', 'x'.repeat(1000)];
for (const algo of ['md5', 'sha1', 'sha256', 'sha512', 'sha384', 'sha224', 'sha3-256']) {
  console.log(algo.padEnd(8), inputs.map((s) => crypto.createHash(algo).update(s).digest('hex').slice(0, 16)).join(' '));
}
console.log(crypto.createHash('sha256').update('part1').update(Buffer.from('part2')).digest('base64'));
console.log(crypto.createHash('SHA256').update('abc', 'utf8').digest().length, crypto.createHash('md5').update('61', 'hex').digest('hex'));
const h = crypto.createHash('sha1').update('a'); const copy = h.copy(); copy.update('b');
console.log(h.digest('hex'), copy.digest('hex'));
const secret = 'shh';
const payload = JSON.stringify({ sub: 'user1', iat: 1700000000 });
const b64url = (s) => Buffer.from(s).toString('base64url');
const token = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(payload)}`;
const sig = crypto.createHmac('sha256', secret).update(token).digest('base64url');
console.log(`${token}.${sig}`);
console.log(crypto.createHmac('sha512', Buffer.from('key')).update('data').digest('hex').slice(0, 32), crypto.createHmac('md5', '').update('').digest('hex'));
const expected = crypto.createHmac('sha256', secret).update(token).digest();
console.log(crypto.timingSafeEqual(expected, Buffer.from(sig, 'base64url')));
const uuid = crypto.randomUUID();
console.log(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid), crypto.randomBytes(16).length, crypto.randomBytes(4).toString('hex').length);
const n = crypto.randomInt(10); console.log(n >= 0 && n < 10, Number.isInteger(crypto.randomInt(5, 6)));
console.log(crypto.getHashes().includes('sha256'), typeof crypto.webcrypto.getRandomValues);
try { crypto.createHash('nope'); } catch (e) { console.log(e.message); }
const hash = crypto.createHash('md5'); hash.digest(); try { hash.update('x'); } catch (e) { console.log(e.code); }
crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc')).then((buf) => console.log(Buffer.from(buf).toString('hex')));
