# Extracting links and text from HTML, then writing an escaped HTML report.
import html
from html.parser import HTMLParser
import string


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.text, self._in_title, self.title = [], [], False, ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "href" in attrs:
            self.links.append((attrs["href"], attrs.get("rel")))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif data.strip():
            self.text.append(data.strip())


page = """<!DOCTYPE html><html><head><title>Caf&eacute; &amp; Bar</title></head>
<body><h1>Menu</h1><p>Tea &lt;hot&gt; &#8364;2 &euro;3</p>
<a href="/drinks?type=tea&amp;size=l">Tea</a> <a href='https://example.com' rel=nofollow>Ext</a>
<img src="x.png" alt="an &quot;image&quot;"><br/><!-- comment --><script>var x = "<a href='no'>";</script>
</body></html>"""
p = LinkCollector()
p.feed(page)
p.close()
print(repr(p.title), p.links, p.text)
rows = [("<b>bold</b>", "O'Reilly & Sons", 3.5), ('quote "me"', "x < y", 10)]
template = string.Template("<tr><td>$name</td><td>$who</td><td>$price</td></tr>")
for name, who, price in rows:
    print(template.substitute(name=html.escape(name), who=html.escape(who, quote=False), price=f"{price:.2f}"))
print(html.unescape("&lt;p&gt; &amp;amp; &#39; &#x27; &nbsp;| &copy; &unknown; &eacute"), html.escape("<&>\"'"))
