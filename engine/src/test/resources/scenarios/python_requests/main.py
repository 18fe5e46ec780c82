import sys

import requests
from requests.exceptions import ConnectionError

base = sys.argv[1]
r = requests.get(base + "/echo", params={"q": "a b"}, headers={"X-Trace": "1"}, timeout=5)
print(r.status_code, r.ok, r.text, r.headers["content-type"])
r = requests.post(base + "/echo", json={"n": 1})
print(r.status_code)
with requests.Session() as s:
    s.headers["X-Session"] = "s1"
    print(s.get(base + "/headers").text.count("X-session"))
try:
    requests.get("http://not-allowed.example/")
except ConnectionError as e:
    print("refused:", "not-allowed.example" in str(e))
