import os
import subprocess

attempts = [
    lambda: os.system("echo pwned"),
    lambda: subprocess.run(["echo", "pwned"]),
    lambda: __import__("ctypes").CDLL(None),
    lambda: open("/etc/passwd").read(),
]
for attempt in attempts:
    try:
        attempt()
        print("allowed")
    except Exception as e:
        print("refused:", type(e).__name__)
