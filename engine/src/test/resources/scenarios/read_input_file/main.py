print(open("/mnt/req/d/x.txt").read())
try:
    open("/mnt/req/d/x.txt", "w").write("changed")
    print("wrote")
except OSError as e:
    print("read-only:", type(e).__name__)
try:
    open("/etc/passwd").read()
    print("host file read")
except OSError as e:
    print("no host file:", type(e).__name__)
