# CSV in the shapes spreadsheets and exports produce: sniffing, quoting, dialects, round trips.
import csv
import io

samples = {
    "semicolon": "name;city;amount\nAnna;Zürich;1.234,50\n\"Bob; Jr.\";Basel;99\n",
    "tabs": "id\tnote\n1\thas \"quotes\"\n2\tplain\n",
    "quoted": 'a,b,c\n"1, one","2 ""two""",3\n,,\n',
}
for name, text in samples.items():
    dialect = csv.Sniffer().sniff(text)
    rows = list(csv.reader(io.StringIO(text), dialect))
    print(name, repr(dialect.delimiter), repr(dialect.quotechar), csv.Sniffer().has_header(text), rows)
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=["id", "text", "n"], quoting=csv.QUOTE_NONNUMERIC, extrasaction="ignore")
w.writeheader()
w.writerows([{"id": 1, "text": "line\nbreak", "n": 1.5, "extra": "x"}, {"id": 2, "text": 'say "hi"', "n": None}])
print(repr(out.getvalue()))
back = list(csv.DictReader(io.StringIO(out.getvalue()), quoting=csv.QUOTE_NONNUMERIC))
print(back)
csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL, lineterminator="\n")
out = io.StringIO()
csv.writer(out, "pipes").writerows([["a", 1, None], ["b|c", 2.5, ""]])
print(out.getvalue(), end="")
print(list(csv.reader(["x,'y,z'"], quotechar="'")), list(csv.reader(['a\\,b,c'], escapechar="\\")))
try:
    list(csv.reader(io.StringIO('a,"b\nc'), strict=True))
except csv.Error as e:
    print("csv.Error:", e)
print(csv.list_dialects()[:0], csv.field_size_limit() > 0, csv.QUOTE_MINIMAL)
