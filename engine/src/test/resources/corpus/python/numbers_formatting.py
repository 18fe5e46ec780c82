# Number handling: Decimal money, fractions, rounding, and the format mini-language.
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, InvalidOperation
from fractions import Fraction
import math
import statistics

prices = [Decimal("19.99"), Decimal("5.01"), Decimal("0.10"), Decimal("100")]
subtotal = sum(prices)
tax = (subtotal * Decimal("0.0825")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
print(subtotal, tax, subtotal + tax, (subtotal / 3).quantize(Decimal("0.0001")), Decimal("1") / Decimal("7"))
with localcontext() as ctx:
    ctx.prec = 50
    print(Decimal(2).sqrt(), Decimal(1).exp())
print(Decimal("2.675").quantize(Decimal("0.01"), ROUND_HALF_EVEN), Decimal("2.675").quantize(Decimal("0.01"), ROUND_DOWN))
print(Decimal("1e3").normalize(), Decimal("0.000").normalize(), Decimal("-0"), Decimal("1.10") == Decimal("1.1"), Decimal(0.1))
try:
    Decimal("abc")
except InvalidOperation:
    print("InvalidOperation")
print(getcontext().prec, Decimal("7").as_tuple(), Decimal("123.4500").as_integer_ratio())

print(Fraction(3, 4) + Fraction(1, 6), Fraction("0.125"), Fraction(1.1).limit_denominator(100), Fraction(-7, 3) // 1, Fraction(22, 7) ** 2)
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2), round(7, -1))
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1.5e-7, 123456789.0 * 10, float("nan"), -float("inf"), 2 ** 0.5)
print(repr(1.0), str(1e22), 1e21, 12345678901234567890.0, float("1e-300"), 2.5e-308, 1.7976931348623157e308)
for v in [0, 7, -7, 255, 1234567.891, 0.000123, 1e10, -0.0]:
    print(f"{v!r:>14} |{v:>12,.2f}|{v:<10.3g}|{v:^+12.1e}|{v:010.2f}|{v:.1%}|{v:_.3f}")
for n in [0, 5, 255, -42, 2 ** 40]:
    print(f"{n:b} {n:#o} {n:#x} {n:#X} {n:,} {n:08d} {n:+d} {n: d} {n:c}" if 32 <= n < 0x110000 else f"{n:b} {n:#o} {n:#x} {n:,}")
print(format(1234.5, "g"), format(12, "*^9"), "%5.2f|%-6d|%x|%e|%g|%s|%r" % (3.14159, 42, 255, 12345.678, 0.00001234, None, "q"))
print(int("ff", 16), int("0b1010", 0), int(" 42 "), int("1_000"), bin(-5), hex(2 ** 64), oct(8), (255).to_bytes(2, "little"), int.from_bytes(b"\x01\x00", "big"))
print(math.gcd(84, 36), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.factorial(20), math.isqrt(99), math.prod([1, 2, 3, 4]))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.fmod(-7, 3), -7 % 3, -7 // 3, divmod(-7, 3), math.copysign(1, -0.0))
print(math.isclose(0.1 + 0.2, 0.3), math.hypot(3, 4), math.dist((0, 0), (1, 1)), math.log(1000, 10), math.log2(1024), math.exp(1), math.pi)
print(f"{math.sin(math.pi / 6):.15f} {math.atan2(1, 1):.15f} {math.degrees(math.pi):.1f} {math.fsum([0.1] * 10)} {sum([0.1] * 10)}")
data = [2.5, 3.1, 4.7, 4.7, 5.0, 6.2, 8.9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), round(statistics.stdev(data), 6), statistics.quantiles(data, n=4))
print(statistics.fmean([1, 2, 3]), statistics.geometric_mean([1, 2, 4]), statistics.harmonic_mean([1, 2, 4]), statistics.median_low([1, 2, 3, 4]))
print(2 ** 100, 10 ** 30 // 7, (-2) ** 63, 2 ** -1, pow(3, 100, 7), pow(38, -1, 97), (12345678901234567890).bit_length(), abs(-3 + 4j))
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)), max([3, 1, 2], key=lambda x: -x), min("hello"), sorted([3.5, -1, 2, 2.0]))
