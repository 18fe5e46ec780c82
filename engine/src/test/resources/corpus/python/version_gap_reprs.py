# Outputs that changed between CPython 3.11 (the reference here) and 3.12 (what Corral implements).
import calendar
import json
from collections import OrderedDict

print(OrderedDict(b=1, a=2))
print(calendar.monthrange(2024, 2), calendar.weekday(2024, 7, 4))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print(e)
