# Fetches argv[1], then shows everything the guest can see of its own: environment, argv, files.
import json
import os
import sys
import urllib.request

try:
    with urllib.request.urlopen(sys.argv[1], timeout=10) as res:
        print("status", res.status)
except Exception as e:
    print("refused", type(e).__name__)
print("env", json.dumps(dict(os.environ)))
print("argv", json.dumps(sys.argv))
files = []
for root, _, names in os.walk("/mnt/req"):
    for name in names:
        with open(os.path.join(root, name)) as f:
            files.append(f.read())
print("files", json.dumps(files))
