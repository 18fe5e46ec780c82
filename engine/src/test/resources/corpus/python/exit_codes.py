# Exit statuses chosen by arguments, as a CLI tool sets them; finally blocks still run.
import sys
import atexit

atexit.register(lambda: print("atexit: cleaning up"))
mode = sys.argv[1] if len(sys.argv) > 1 else "ok"
print("mode", mode, "args", sys.argv[1:])
try:
    if mode == "code":
        sys.exit(int(sys.argv[2]))
    elif mode == "message":
        sys.exit("error: " + " ".join(sys.argv[2:]))
finally:
    print("finally runs", flush=True)
print("not reached")
