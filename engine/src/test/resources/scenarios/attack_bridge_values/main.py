import _corral
host = _corral.host
attempts = [
    lambda: host.randomBytes(10 ** 6),
    lambda: host.randomBytes(-1),
    lambda: host.write("x", None),
    lambda: host.sleep("forever"),
    lambda: host.fs("chmod", "/mnt/req/x", None),
    lambda: host.readFile(None),
    lambda: host.http(None, None, "[[1]]", None, 1e300),
    lambda: host.http("GET", "http://[::1%25eth0]/", "not json", "", float("nan")),
]
for attempt in attempts:
    try:
        print("answer", type(attempt()).__name__)
    except Exception as e:
        print("refused", type(e).__name__)
print("after")
