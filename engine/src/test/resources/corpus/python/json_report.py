import json, sys
data = json.loads(sys.stdin.read())
total = sum(item["price"] * item["qty"] for item in data["items"])
print(json.dumps({"customer": data["customer"], "total": round(total, 2), "count": len(data["items"])}, indent=2, sort_keys=True))
print(f"{'café':>8}|{total:10.3f}|")
