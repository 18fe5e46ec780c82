# The standard library modules docs/languages/python.md lists as working.
import json, re, math, datetime, collections, itertools, functools, decimal, fractions, random
import statistics, hashlib, base64, csv, io, textwrap, string, dataclasses, typing, enum, uuid
import zlib, heapq, bisect

print(json.dumps({"a": [1, 2]}))
print(re.sub(r"\d+", "#", "a1b22"))
print(math.isqrt(17), fractions.Fraction(1, 3) + fractions.Fraction(1, 6))
print(datetime.date(2024, 2, 29).isoformat(), decimal.Decimal("1.1") + decimal.Decimal("2.2"))
print(collections.Counter("abca").most_common(1), list(itertools.accumulate([1, 2, 3])))
print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), statistics.median([3, 1, 2]))
print(hashlib.sha256(b"abc").hexdigest()[:16], base64.b64encode(b"hi").decode())
rows = list(csv.reader(io.StringIO("a,b\n1,2\n")))
print(rows, textwrap.shorten("hello big world", 12), string.ascii_lowercase[:3])


@dataclasses.dataclass
class P:
    x: int
    y: typing.Optional[int] = None


class Color(enum.Enum):
    RED = 1


print(P(1), Color.RED.name, uuid.UUID(int=1).int, len(zlib.compress(b"a" * 100)) < 100)
h = [5, 1, 3]
heapq.heapify(h)
print(heapq.heappop(h), bisect.bisect([1, 2, 4], 3), random.Random(1).randint(1, 1))
