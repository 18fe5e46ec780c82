# A 1 MB JSON round trip: serialize, parse, compare.
import json

data = [{"id": i, "name": "item-%d" % i, "tags": ["a", "b", "c"], "value": i * 0.5} for i in range(14000)]
text = json.dumps(data)
back = json.loads(text)
assert back == data
print(len(text))
