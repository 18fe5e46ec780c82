# Checksums, signatures and encodings that API clients and caches compute.
import base64
import binascii
import hashlib
import hmac
import uuid
import zlib

payload = b'{"event":"order.created","id":42}'
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b", "blake2s"]:
    print(f"{name:<9}", hashlib.new(name, payload).hexdigest()[:32], getattr(hashlib, name)(payload).digest_size)
print(hashlib.blake2b(payload, digest_size=16).hexdigest(), hashlib.blake2s(payload, digest_size=8).hexdigest())
print(hashlib.blake2b(payload, key=b"secret", digest_size=20).hexdigest(), hashlib.blake2b(b"x", salt=b"salt", person=b"me").hexdigest()[:16])
print(hashlib.shake_128(payload).hexdigest(10), hashlib.shake_256(payload).hexdigest(40))
print(hashlib.sha512_256(payload).hexdigest() if hasattr(hashlib, "sha512_256") else hashlib.new("sha512_256", payload).hexdigest())
h = hashlib.sha256()
for chunk in (payload[:10], payload[10:]):
    h.update(chunk)
c = h.copy()
c.update(b"more")
print(h.hexdigest() == hashlib.sha256(payload).hexdigest(), c.hexdigest()[:16], h.name, h.block_size)
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000, dklen=16).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=16, r=8, p=1, dklen=16).hex())
sig = hmac.new(b"webhook-secret", payload, hashlib.sha256)
print(sig.hexdigest(), hmac.compare_digest(sig.hexdigest(), hmac.new(b"webhook-secret", payload, "sha256").hexdigest()))
print(hmac.digest(b"k", b"msg", "sha1").hex(), hmac.new(b"k", digestmod="md5").name)
print(sorted(hashlib.algorithms_guaranteed))
print(base64.b64encode(payload).decode(), base64.urlsafe_b64encode(b"\xfb\xff\xfe").decode(), base64.b32encode(b"hi"), base64.b16encode(b"hi"))
print(base64.b64decode("eyJhIjoxfQ=="), base64.urlsafe_b64decode("-__-"), base64.a85encode(b"hello"), base64.b85encode(b"hello"))
try:
    base64.b64decode("abc", validate=True)
except binascii.Error as e:
    print("binascii.Error:", e)
token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ"
header, body = (base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)) for p in token.split("."))
print(header, body)
print(zlib.crc32(payload), zlib.adler32(payload), binascii.crc32(b"hello"), binascii.hexlify(b"\x00\xff", "-"), bytes.fromhex("de ad be ef"))
comp = zlib.compress(payload * 10, 9)
print(len(comp) < len(payload) * 10, zlib.decompress(comp) == payload * 10)
print(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/a"), uuid.uuid3(uuid.NAMESPACE_DNS, "example.com"))
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u.hex, u.int % 1000, u.version, u.urn, uuid.UUID(bytes=u.bytes) == u, str(uuid.UUID(int=0)))
print(len(str(uuid.uuid4())), uuid.uuid4().version, uuid.uuid4() != uuid.uuid4())
