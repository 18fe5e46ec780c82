import os
attempts = [
    ("overwrite input", lambda: open("/mnt/req/in.txt", "w").write("changed")),
    ("chmod input", lambda: os.chmod("/mnt/req/in.txt", 0o666)),
    ("remove input", lambda: os.remove("/mnt/req/in.txt")),
    ("create at root", lambda: open("/etc_x", "w").write("x")),
    ("mkdir at root", lambda: os.mkdir("/x")),
    ("rename input", lambda: os.rename("/mnt/req/in.txt", "/tmp/moved.txt")),
]
for what, attempt in attempts:
    try:
        attempt()
        print("reached", what)
    except OSError as e:
        print("refused", what, type(e).__name__)
print("input", open("/mnt/req/in.txt").read())
with open("/tmp/ok.txt", "w") as f:
    f.write("ok")
print("tmp", open("/tmp/ok.txt").read())
print("after")
