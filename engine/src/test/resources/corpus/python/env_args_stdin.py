# A small CLI: argparse over argv, settings from the environment, records from stdin.
import argparse
import json
import os
import sys

parser = argparse.ArgumentParser(prog="tally", description="Tally records from stdin.")
parser.add_argument("field", help="field to tally")
parser.add_argument("--top", type=int, default=3)
parser.add_argument("--format", choices=["text", "json"], default="text")
parser.add_argument("-v", "--verbose", action="count", default=0)
parser.add_argument("--exclude", action="append", default=[])
args = parser.parse_args()

threshold = float(os.environ.get("TALLY_THRESHOLD", "0"))
label = os.getenv("TALLY_LABEL", "records")
print("env:", sorted(k for k in os.environ if k.startswith("TALLY_")), os.environ.get("HOME_NOT_SET"), "PATHX" in os.environ)
counts = {}
skipped = 0
for lineno, line in enumerate(sys.stdin, 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        skipped += 1
        if args.verbose:
            print(f"line {lineno}: not JSON", file=sys.stderr)
        continue
    if record.get("score", 0) < threshold:
        continue
    key = record.get(args.field, "<none>")
    if key in args.exclude:
        continue
    counts[key] = counts.get(key, 0) + 1

top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: args.top]
if args.format == "json":
    print(json.dumps({"label": label, "top": top, "skipped": skipped}))
else:
    for k, v in top:
        print(f"{k:>10}: {'#' * v} ({v})")
    print(f"{label}: {sum(counts.values())}, skipped {skipped}")
print(repr(sys.argv[1:]), args.verbose, args.exclude, file=sys.stdout)
sys.stdout.flush()
sys.exit(0 if counts else 4)
