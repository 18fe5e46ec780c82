# Text layout for reports and messages: textwrap, templates, alignment, pprint.
import pprint
import string
import textwrap

para = ("Corral runs untrusted code from agents and people. It should behave exactly like the "
        "interpreter they wrote the code for, including all of the small details of formatting.")
print(textwrap.fill(para, width=40))
print(textwrap.fill(para, width=30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(para, width=50, placeholder=" [...]"))
print(textwrap.wrap("a verylongwordthatcannotbreak here", width=10, break_long_words=True))
print(textwrap.wrap("a verylongwordthatcannotbreak here", width=10, break_long_words=False))
print(textwrap.indent("line one\n\nline three\n", "> "), end="")
print(repr(textwrap.dedent("""
    def f():
        return 1
""")))
tmpl = string.Template("Dear $name, your order ${order_id} ships on $date. $$5 off!")
print(tmpl.substitute(name="Zoë", order_id=1042, date="Monday"))
print(tmpl.safe_substitute(name="Zoë"))
try:
    tmpl.substitute(name="x")
except KeyError as e:
    print("missing", e)
rows = [("Widget", 3, 2.5), ("Gadget extra long name", 12, 19.99), ("Ünïcödé", 1, 1000.0)]
print(f"{'Item':<15}|{'Qty':^5}|{'Price':>10}")
print("-" * 32)
for name, qty, price in rows:
    print(f"{name[:15]:<15}|{qty:^5}|{price:>10.2f}")
print("{:>8}|{:<8}|{:^8}|{:*^8}".format("r", "l", "c", "x"), "{0}{1}{0}".format("ab", "-"), "{name!r:>10}".format(name="n"))
print("{:,}".format(1234567), "{:.3}".format("abcdef"), "{:=+8d}".format(42), "{:%Y}".format(__import__("datetime").date(2024, 1, 1)))
width, prec = 12, 3
print(f"{3.14159265:{width}.{prec}f}|", f"{'nested':{'^'}{width}}|", f"{10 ** 6:_}", f"{'q'!a}", f"{'é'!a}", f"{{literal}}")
s = "  Hello, World!  "
print(s.strip(), s.lstrip(), s.rstrip() + "|", s.title(), s.swapcase(), s.center(21, "."), s.strip().ljust(15, "_"), "42".zfill(6), "-42".zfill(6))
print("a\tb\tc".expandtabs(4), "hello world".capitalize(), "ABC".casefold(), "x".join("abc"), "a,b,,c".split(","), "a b  c".split())
print("line1\nline2\r\nline3".splitlines(), "k=v=w".partition("="), "k=v=w".rpartition("="), "abc".removeprefix("a"), "abc".removesuffix("c"))
print("hello".find("l"), "hello".rfind("l"), "hello".count("l"), "hello".replace("l", "L", 1), "Hello".startswith(("He", "x")), "3.14".isdecimal(), "½".isnumeric())
table = str.maketrans({"a": "4", "e": "3", "o": None})
print("hello avocado".translate(table), "%-10s|%5.1f%%|%03d" % ("pct", 99.5, 7), "%(a)s-%(b)s" % {"a": 1, "b": 2})
data = {"name": "report", "items": [{"id": i, "tags": ["x" * i, "y"], "nested": {"depth": i, "ok": i % 2 == 0}} for i in range(3)],
        "summary": {"count": 3, "total": 12.5, "notes": None}}
pprint.pprint(data, width=60, sort_dicts=True)
print(pprint.pformat(list(range(30)), width=40, compact=True))
print(repr("quote's \"here\"\n"), ascii("naïve ☃"), str(b"bytes\x00"), repr(1.0e-5))
