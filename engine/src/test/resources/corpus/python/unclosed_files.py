# Quick scripts write files without closing them and read them back: CPython has closed (and
# flushed) each file by then, since nothing refers to it any more.
import json
import os
import tempfile

folder = tempfile.mkdtemp()
path = os.path.join(folder, "out.txt")
open(path, "w").write("first line\n")
print(repr(open(path).read()), os.path.getsize(path))
json.dump({"items": [1, 2, 3]}, open(os.path.join(folder, "data.json"), "w"))
print(json.load(open(os.path.join(folder, "data.json"))))
open(os.path.join(folder, "log.txt"), "a").write("appended\n")
open(os.path.join(folder, "log.txt"), "a").write("again\n")
print(sorted(os.listdir(folder)), os.stat(os.path.join(folder, "log.txt")).st_size)
