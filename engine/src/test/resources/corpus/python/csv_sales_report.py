# A sales report from CSV on stdin: per-region totals with Decimal money, a CSV summary on stdout.
import csv
import io
import sys
from collections import defaultdict
from decimal import Decimal, ROUND_HALF_UP

rows = list(csv.DictReader(sys.stdin))
totals = defaultdict(Decimal)
units = defaultdict(int)
bad = []
for line_no, row in enumerate(rows, start=2):
    try:
        qty = int(row["qty"])
        price = Decimal(row["unit_price"])
    except (ValueError, ArithmeticError) as e:
        bad.append((line_no, type(e).__name__))
        continue
    totals[row["region"].strip()] += qty * price
    units[row["region"].strip()] += qty

out = io.StringIO()
writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
writer.writerow(["region", "units", "revenue", "share"])
grand = sum(totals.values(), Decimal(0))
for region in sorted(totals, key=lambda r: (-totals[r], r)):
    share = (totals[region] / grand * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    writer.writerow([region, units[region], totals[region].quantize(Decimal("0.01")), f"{share}%"])
writer.writerow(["TOTAL", sum(units.values()), grand.quantize(Decimal("0.01")), "100.0%"])
sys.stdout.write(out.getvalue())
print(f"rows={len(rows)} skipped={bad}")
print(f"{'region':<10}|{'revenue':>12}")
for region, value in sorted(totals.items()):
    print(f"{region:<10}|{value:>12,.2f}")
