# Binary records and text encodings: struct, bytes, bytearray, memoryview, codecs.
import codecs
import io
import struct

header = struct.pack("<4sHHI", b"CRL1", 2, 7, 1_000_000)
print(header, len(header), struct.calcsize("<4sHHI"), struct.calcsize("@ihq"), struct.unpack("<4sHHI", header))
records = b"".join(struct.pack(">hf?", i - 2, i / 4, i % 2 == 0) for i in range(4))
print([tuple(round(v, 3) if isinstance(v, float) else v for v in r) for r in struct.iter_unpack(">hf?", records)])
print(struct.pack("!d", 1.1).hex(), struct.unpack("<q", b"\xff" * 8), struct.pack("<e", 0.5), struct.pack(">Q", 2 ** 64 - 1))
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("struct.error:", e)
buf = bytearray(b"hello world")
buf[0:5] = b"HELLO"
buf.extend(b"!!")
del buf[-1]
print(buf, buf.upper(), bytes(buf).split(), buf.find(b"o"), buf.hex(" ", 4), bytearray.fromhex("41 42"))
mv = memoryview(buf)
print(mv[6:11].tobytes(), mv.nbytes, mv.readonly, mv[0], bytes(mv[0:4]), memoryview(b"abcd").cast("B").tolist())
text = "naïve café – 日本 😀"
for enc in ["utf-8", "utf-16-le", "utf-16", "utf-32-be", "latin-1", "cp1252", "ascii"]:
    try:
        data = text.encode(enc)
        print(f"{enc:<10} {len(data):>3} {data[:12].hex()}")
    except UnicodeEncodeError as e:
        print(f"{enc:<10} UnicodeEncodeError at {e.start}")
print(text.encode("ascii", "replace"), text.encode("ascii", "ignore"), text[:-1].encode("ascii", "xmlcharrefreplace"), text.encode("ascii", "backslashreplace"))
bad = b"ok \xff\xfe bytes \xe2\x82"
print(bad.decode("utf-8", "replace"), bad.decode("utf-8", "ignore"), bad.decode("utf-8", "backslashreplace"), bad.decode("latin-1"), repr(bad.decode("utf-8", "surrogateescape")))
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.start, e.end, e.object[e.start:e.end])
print(codecs.encode("hello", "rot13"), codecs.decode(b"68656c6c6f", "hex"), codecs.encode(b"x", "base64"), codecs.lookup("UTF8").name in ("utf-8", "UTF8"), codecs.BOM_UTF8)
print("\ufeffbom".encode("utf-8-sig"), b"\xef\xbb\xbfbom".decode("utf-8-sig"), "straße".encode("idna") if False else "ok", "ä".encode("unicode_escape"), b"\\u00e4".decode("unicode_escape"))
stream = io.BytesIO()
w = io.TextIOWrapper(stream, encoding="utf-16", newline="\r\n")
w.write("a\nb\n")
w.flush()
print(stream.getvalue())
print(io.StringIO("x\ny\r\nz").readlines(), list(io.BytesIO(b"l1\nl2").readlines()), bytes(range(5)), bytes(3), b"ab" * 3, b"%d-%s" % (5, b"x"))
print(int.from_bytes(b"\xff\xfe", "little", signed=True), (-2).to_bytes(2, "big", signed=True), (1024).bit_count(), ord("€"), chr(0x1F600), hex(ord("é")))
