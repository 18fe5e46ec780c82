import os
try:
    print("status", os.system("echo pwned"))
except Exception as e:
    print("refused:", type(e).__name__)
try:
    import subprocess
    print(subprocess.run(["id"], capture_output=True).stdout)
except Exception as e:
    print("refused:", type(e).__name__)
print("after")
