import json
import os
import sys
import urllib.request

req = urllib.request.Request(sys.argv[1], headers={"X-From-Guest": "yes"})
with urllib.request.urlopen(req, timeout=10) as res:
    print(res.status, res.status == 200, res.read().decode())
print("env:", json.dumps(dict(os.environ)))
