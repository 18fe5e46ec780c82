# Parses access-log lines from stdin with named groups, then summarizes them.
import re
import sys
from collections import Counter

LINE = re.compile(r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3})\s+-\s+(?P<user>\S+)\s+
    \[(?P<ts>[^\]]+)\]\s+
    "(?P<method>[A-Z]+)\s+(?P<path>\S+)\s+HTTP/(?P<http>[\d.]+)"\s+
    (?P<status>\d{3})\s+(?P<size>\d+|-)
    (?:\s+"(?P<referrer>[^"]*)"\s+"(?P<agent>[^"]*)")?
""", re.VERBOSE)

statuses = Counter()
paths = Counter()
bytes_by_ip = Counter()
unparsed = []
for n, line in enumerate(sys.stdin, 1):
    m = LINE.match(line)
    if not m:
        unparsed.append(n)
        continue
    d = m.groupdict()
    statuses[d["status"][0] + "xx"] += 1
    paths[re.sub(r"/\d+(?=/|$)", "/:id", d["path"].split("?")[0])] += 1
    bytes_by_ip[d["ip"]] += 0 if d["size"] == "-" else int(d["size"])
    if d["agent"] and re.search(r"(?i)bot|crawl|spider", d["agent"]):
        print("bot:", d["ip"], d["agent"])

print("statuses", sorted(statuses.items()))
print("paths", sorted(paths.items(), key=lambda kv: (-kv[1], kv[0])))
print("bytes", sorted(bytes_by_ip.items()))
print("unparsed lines", unparsed)

text = "Contact: alice@example.com, BOB@Example.org; carol.smith+tag@mail.co.uk (not: x@y)"
print(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text))
print(re.sub(r"(?<=\d)(?=(?:\d{3})+(?!\d))", ",", "Total 1234567 and 89 and 1000"))
print(re.split(r"\s*[;,]\s*", "a , b;c ;  d"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "3 apples and 12 pears"))
print([m.span() for m in re.finditer(r"\bcat\b", "cat concat cat. bobcat cat")])
print(re.fullmatch(r"\d{4}-\d{2}-\d{2}", "2024-02-29") is not None, re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.findall(r"(\w)\1", "aabbcdde"), re.findall(r"^\s*#\s*(.*)$", "x\n # one\n#two\n", re.M))
print(re.escape("1+1=2? (yes)"), re.compile(r"[äöü]+", re.I).findall("ÄÖÜ äöü"))
pat = re.compile(r"(?P<key>\w+)=(?P<value>\"[^\"]*\"|\S+)")
print({m["key"]: m["value"].strip('"') for m in pat.finditer('a=1 b="two words" c=x=y')})
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("re.error:", e.msg, e.pos)
print(re.subn(r"\s+", " ", "a  b\t\tc\n d"), re.sub(r"^", "> ", "l1\nl2", flags=re.M))
