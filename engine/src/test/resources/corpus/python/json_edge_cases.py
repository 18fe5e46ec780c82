# JSON the way APIs send it: unicode, big numbers, custom encoders, errors, streaming lines.
import json
import sys
from dataclasses import dataclass, asdict
from datetime import date, datetime, timezone
from decimal import Decimal

doc = json.loads(sys.stdin.read())
print(doc["name"], doc["emoji"], len(doc["emoji"]), doc["big"], type(doc["big"]).__name__, doc["float"], doc["exp"], doc["nested"]["list"][-1])
print(json.dumps(doc, sort_keys=True))
print(json.dumps(doc["name"]), json.dumps(doc["name"], ensure_ascii=False), json.dumps("\u2028\ud83d\ude00\x00"))
print(json.dumps({"b": [1, 2], "a": {"c": None}}, indent=4, separators=(",", ": ")))
print(json.dumps([1, 2, {"x": True}], separators=(",", ":")), json.dumps({1: "int key", None: "null", True: "t", 2.5: "f"}))
print(json.dumps([float("inf"), float("nan"), -0.0, 1e100, 1.0, 0.1, 10 ** 25]))
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", str(e).startswith("Out of range float values are not JSON compliant"))


@dataclass
class Event:
    when: datetime
    amount: Decimal
    tags: set


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (datetime, date)):
            return o.isoformat()
        if isinstance(o, Decimal):
            return str(o)
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


ev = Event(datetime(2024, 5, 1, 12, 30, tzinfo=timezone.utc), Decimal("12.50"), {"b", "a"})
print(json.dumps(asdict(ev), cls=Encoder), json.dumps({"d": date(2024, 1, 2)}, default=str))
try:
    json.dumps({"x": object()})
except TypeError as e:
    print("TypeError:", str(e).split(" is not")[0].startswith("Object of type"), "is not JSON serializable" in str(e))
print(json.loads('{"price": 1.10}', parse_float=Decimal), json.loads("[1, 2]", parse_int=float), json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"when": "2024-01-01"}', object_hook=lambda d: {k: date.fromisoformat(v) for k, v in d.items()}))
print(json.loads('[["a", 1], ["b", 2]]', object_pairs_hook=dict), json.loads('{"k": [1]}', object_pairs_hook=lambda pairs: pairs))
for bad in ['{"a": 1,}', "[1, 2", "{'single': 1}", '"unterminated', "", "NaN", "[1] extra", '{"a" 1}']:
    try:
        print("ok", json.loads(bad))
    except json.JSONDecodeError as e:
        print(f"{bad!r:<16} -> {e.msg} (line {e.lineno} col {e.colno} pos {e.pos})")
lines = '{"id": 1}\n{"id": 2, "ok": false}\n\n{"id": 3}'
print([json.loads(l)["id"] for l in lines.splitlines() if l.strip()])
decoder = json.JSONDecoder()
buf = '{"a": 1} {"b": 2}  [3]'
pos, out = 0, []
while pos < len(buf):
    obj, end = decoder.raw_decode(buf, pos)
    out.append(obj)
    pos = end
    while pos < len(buf) and buf[pos].isspace():
        pos += 1
print(out)
deep = [[[[[[[[[["deep"]]]]]]]]]]
print(json.dumps(deep), json.loads(json.dumps(deep)) == deep, json.dumps("é", ensure_ascii=True), json.dumps({"k": "v"}, indent=0))
print(json.dumps({"z": 1, "y": {"b": 2, "a": 1}}, sort_keys=True, indent="\t"))
