# What encoding errors say, and xmlcharrefreplace of a character outside the BMP.
import codecs

for encoding, text in [("ascii", "naïve"), ("latin-1", "a – b"), ("cp1252", "x ☃☃ y")]:
    try:
        text.encode(encoding)
    except UnicodeEncodeError as e:
        print(e.encoding, e.start, e.end, e.reason)
try:
    b"ok \xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason)
print("smile 😀".encode("ascii", "xmlcharrefreplace"), codecs.lookup("UTF8").name, codecs.lookup("latin_1").name)
