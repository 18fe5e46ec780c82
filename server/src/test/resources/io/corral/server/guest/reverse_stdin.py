import os
import sys

data = sys.stdin.read()
if os.environ.get("DEBUG") == "true":
    print("Reversing string...", file=sys.stderr)
sys.stdout.write(data[::-1])
