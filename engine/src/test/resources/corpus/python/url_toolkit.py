# URL building and parsing for API clients: query strings, quoting, joining, IDNA, addresses.
from urllib.parse import (urlsplit, urlunsplit, urlparse, urlencode, parse_qs, parse_qsl, quote, quote_plus,
                          unquote, unquote_plus, urljoin, urldefrag)
import ipaddress

url = "https://user:pa%20ss@API.Example.com:8443/v1/search/caf%C3%A9?q=hello+world&tag=a&tag=b&empty=#results"
parts = urlsplit(url)
print(parts.scheme, parts.netloc, parts.hostname, parts.port, parts.username, unquote(parts.password), parts.path, parts.fragment)
print(parse_qs(parts.query), parse_qs(parts.query, keep_blank_values=True), parse_qsl(parts.query))
print(unquote(parts.path), urlparse("http://x.test/a;params?b=1").params)
params = {"q": "naïve café & co", "page": 2, "filter": ["a b", "c/d"], "empty": ""}
print(urlencode(params), "|", urlencode(params, doseq=True), "|", urlencode(params, doseq=True, quote_via=quote))
print(quote("/path with spaces/ü?&="), quote("/a b", safe=""), quote_plus("a+b c&d"), unquote_plus("a%2Bb+c"))
base = "https://example.com/docs/guide/index.html"
for ref in ["intro.html", "../api/", "/root", "//cdn.example.net/x.js", "?page=2", "#top", "https://other.test/"]:
    print(f"{ref:<24} -> {urljoin(base, ref)}")
print(urldefrag("https://example.com/a#frag"), urlunsplit(("https", "example.com", "/p", "a=1", "")))
print(urlsplit("mailto:someone@example.com"), urlsplit("file:///etc/hosts").path, urlsplit("//host:80/p").netloc)
try:
    urlsplit("http://[::1").hostname
except ValueError as e:
    print("ValueError:", e)
print("bücher.de".encode("idna"), b"xn--bcher-kva.de".decode("idna"), "例え.jp".encode("idna"))
print(urlsplit("http://[2001:db8::1]:8080/x").hostname, urlsplit("http://[2001:db8::1]:8080/x").port)
net = ipaddress.ip_network("10.0.0.0/29")
print(list(net.hosts())[:3], net.num_addresses, net.broadcast_address, ipaddress.ip_address("10.0.0.5") in net)
for a in ["127.0.0.1", "192.168.1.10", "8.8.8.8", "::1", "fe80::1", "2001:db8::1", "169.254.169.254"]:
    ip = ipaddress.ip_address(a)
    print(f"{a:<16} v{ip.version} private={ip.is_private} loopback={ip.is_loopback} link_local={ip.is_link_local} global={ip.is_global}")
print(ipaddress.ip_address("::ffff:192.0.2.1").ipv4_mapped, ipaddress.IPv6Address("2001:0db8:0000:0000:0000:0000:0000:0001").compressed,
      ipaddress.ip_interface("192.0.2.5/24").network, list(ipaddress.ip_network("192.0.2.0/24").subnets(new_prefix=26))[1])
print(sorted(ipaddress.collapse_addresses([ipaddress.ip_network("192.0.2.0/25"), ipaddress.ip_network("192.0.2.128/25")])))
