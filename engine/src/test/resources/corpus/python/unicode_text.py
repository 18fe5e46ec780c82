# Unicode text handling of the kind slugs, search keys and fixed-width tables need.
import unicodedata

words = ["Crème Brûlée", "naïve café", "Ångström", "Straße", "ǅemal", "Ｆｕｌｌ　ｗｉｄｔｈ", "日本語テキスト", "e\u0301cole"]


def strip_accents(text):
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def display_width(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def slug(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_text.lower()).split())


for w in words:
    pad = " " * (24 - display_width(w))
    print(f"{w}{pad}| {strip_accents(w)!r:<28} {slug(w)!r:<22} {w.casefold() == w.lower()} {len(w)} {display_width(w)}")

print(unicodedata.normalize("NFC", "e\u0301cole") == "école", len(unicodedata.normalize("NFC", "e\u0301cole")))
print([unicodedata.name(c) for c in "A€ß"])
print([unicodedata.category(c) for c in "a1 ,€\u0301"])
print([unicodedata.combining(c) for c in "a\u0301\u0327\u05b0"])
print([unicodedata.east_asian_width(c) for c in "aＡｱ中€\u00e9"])
print(unicodedata.decomposition("é"), "|", unicodedata.decomposition("ﬁ"), "|", unicodedata.decomposition("a"), "|", unicodedata.decomposition("²"))
print(unicodedata.numeric("½"), unicodedata.numeric("Ⅻ"), unicodedata.digit("²"), unicodedata.decimal("٣"), unicodedata.numeric("x", None))
print(unicodedata.mirrored("("), unicodedata.mirrored("a"), unicodedata.bidirectional("א"), unicodedata.bidirectional("1"))
print(unicodedata.lookup("SNOWMAN"), unicodedata.lookup("LATIN SMALL LETTER E WITH ACUTE"))
try:
    unicodedata.lookup("NO SUCH CHARACTER NAME")
except KeyError as e:
    print("KeyError", e)
try:
    unicodedata.digit("x")
except ValueError as e:
    print("ValueError", e)
print(unicodedata.is_normalized("NFC", "école"), unicodedata.is_normalized("NFD", "école"))
print("ß".upper(), "ǆ".title(), "İ".lower().encode("unicode_escape"), "ﬃ".upper(), "Σίσυφος".upper(), "ΣΑΣ".lower())
