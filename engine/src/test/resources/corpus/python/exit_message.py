# sys.exit with a message: the message goes to stderr and the status is 1.
import sys

problems = [line for line in sys.stdin.read().splitlines() if line.startswith("!")]
for p in problems:
    print("problem:", p[1:].strip(), file=sys.stderr)
print(f"{len(problems)} problem(s) found")
if problems:
    sys.exit(f"validation failed: {len(problems)} problem(s)")
