// URLs: WHATWG URL and URLSearchParams, the legacy url.parse/format/resolve, and querystring.
const url = require('url');
const qs = require('querystring');
const u = new URL('https://user:p%40ss@Example.COM:8443/a/./b/../c%20d?q=1&q=2&x=a+b#frag');
console.log(u.href, u.origin, u.host, u.hostname, u.port, u.pathname, u.search, u.hash, u.username, u.password);
console.log(u.searchParams.getAll('q'), u.searchParams.get('x'), [...u.searchParams.keys()], u.toJSON() === u.href);
u.searchParams.append('new', 'v w&x'); u.searchParams.delete('q'); u.hash = ''; u.port = '443';
console.log(u.toString(), String(new URL('../up?z#h', 'http://h.com/a/b/c')), new URL('//other.org/p', 'https://base.com').href);
console.log(new URL('file:///tmp/dir/file.txt').pathname, new URL('HTTP://h.com:80/').href, new URL('mailto:a@b.c').pathname, URL.canParse('nope'));
const sp = new URLSearchParams({ b: '2', a: '1 ', c: 'é&=' }); sp.sort(); console.log(sp.toString(), Object.fromEntries(new URLSearchParams('k=1&k=2&m')));
try { new URL('/relative'); } catch (e) { console.log(e.name, e.code); }
const legacy = url.parse('http://user:pw@host.com:8080/p/a/t/h?query=string&n=1#hash');
console.log(legacy.protocol, legacy.auth, legacy.host, legacy.port, legacy.pathname, legacy.search, legacy.query, legacy.hash, legacy.path, legacy.href);
console.log(url.parse('/just/a/path?x=1&x=2&y', true).query, url.parse('//cdn.example.com/lib.js', false, true).host);
console.log(url.format({ protocol: 'https', hostname: 'api.example.com', pathname: '/v1/items', query: { page: 2, tags: ['a', 'b'] } }));
console.log(url.resolve('http://a.com/b/c/d', '../e'), url.resolve('http://a.com/b/', '/root'), url.resolve('/one/two', 'three'));
console.log(url.format(new URL('https://a:b@x.com/p?q#h'), { auth: false, fragment: false }), url.fileURLToPath('file:///tmp/a%20b.txt'), url.pathToFileURL('/tmp/x y#.txt').href);
console.log(qs.parse('a=1&b=x%20y&a=2&c=&d&e=%E2%82%AC+sign'), qs.stringify({ name: 'Zoë', list: [1, 2], empty: '', nil: null, t: true }));
console.log(qs.stringify({ a: 'b c' }, ';', ':'), qs.parse('a:1;b:2', ';', ':'), qs.escape('a&b=c/d'), qs.unescape('%41%zz'));
