# Reading an XML feed from stdin with ElementTree and writing a new document.
import sys
import xml.etree.ElementTree as ET
from xml.dom import minidom

ns = {"atom": "http://www.w3.org/2005/Atom", "media": "http://search.yahoo.com/mrss/"}
root = ET.fromstring(sys.stdin.read())
print(root.tag, root.attrib, len(root))
print("title:", root.findtext("atom:title", namespaces=ns))
for entry in root.findall("atom:entry", ns):
    title = entry.find("atom:title", ns).text
    link = entry.find("atom:link[@rel='alternate']", ns)
    cats = [c.get("term") for c in entry.iterfind("atom:category", ns)]
    thumb = entry.find("media:thumbnail", ns)
    print(f"- {title!r} {link.get('href') if link is not None else None} {cats} {thumb.attrib if thumb is not None else {}}")
print([e.tag.split("}")[1] for e in root.iter() if e.text and e.text.strip() and e.tag.endswith("name")])
print(root.find(".//atom:entry[2]/atom:title", ns).text, len(root.findall(".//atom:category", ns)))
summary = root.find(".//atom:summary", ns)
print(repr(summary.text), repr("".join(summary.itertext())), [child.tag for child in summary])

report = ET.Element("report", {"source": "feed", "version": "2"})
ET.SubElement(report, "count").text = str(len(root.findall("atom:entry", ns)))
items = ET.SubElement(report, "items")
for entry in root.findall("atom:entry", ns):
    item = ET.SubElement(items, "item", id=entry.findtext("atom:id", namespaces=ns))
    item.text = entry.findtext("atom:title", namespaces=ns)
ET.SubElement(report, "note").text = "5 < 6 & \"quotes\" 'single'"
ET.indent(report, space="  ")
print(ET.tostring(report, encoding="unicode"))
print(ET.tostring(ET.fromstring("<a><b x='1'/>tail<c>text</c></a>")).decode())
doc = ET.ElementTree(ET.fromstring("<?xml version='1.0'?><!-- c --><r><x>1</x><x>2</x></r>"))
print(sum(int(x.text) for x in doc.getroot().iter("x")), doc.getroot().find("y"), doc.getroot().get("missing", "default"))
for bad in ["<a><b></a>", "<a>", "not xml", "<a>&undefined;</a>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print("ParseError", e.code, e.position)
print(minidom.parseString("<a><b>1</b></a>").documentElement.firstChild.firstChild.data)
print(ET.fromstring("<t>caf\u00e9 &amp; &#x263A; &lt;ok&gt;<![CDATA[<raw>]]></t>").text)
parser = ET.XMLPullParser(["start", "end"])
parser.feed("<root><a>1</a>")
parser.feed("<b>2</b></root>")
parser.close()
print([(ev, el.tag) for ev, el in parser.read_events()])
