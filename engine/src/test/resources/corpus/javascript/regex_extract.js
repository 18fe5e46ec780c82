// Regular expressions of the kinds log and text processing use.
const log = `2024-03-01T10:00:01Z INFO  user=alice action=login ip=10.0.0.1
2024-03-01T10:05:22Z WARN  user=bob action=upload size=1048576
2024-03-01T11:17:45Z ERROR user=alice action=upload error="disk full"
2024-03-02T08:00:00Z INFO  user=carol action=logout`;
const re = /^(?<date>\d{4}-\d{2}-\d{2})T(?<time>[\d:]+)Z\s+(?<level>\w+)\s+(?<rest>.*)$/gm;
for (const m of log.matchAll(re)) {
  const fields = Object.fromEntries([...m.groups.rest.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map(([, k, v]) => [k, v.replace(/^"|"$/g, '')]));
  console.log(m.groups.date, m.groups.level.padEnd(5), JSON.stringify(fields));
}
console.log(log.match(/user=(\w+)/g));
console.log('2024-03-01'.replace(/(\d+)-(\d+)-(\d+)/, '$3/$2/$1'), 'a.b.c'.replaceAll('.', '/'));
console.log('CamelCaseString'.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase());
console.log('price: $12.50, $3'.replace(/\$(\d+(?:\.\d+)?)/g, (_, n) => `€${(Number(n) * 0.9).toFixed(2)}`));
console.log(/\p{Lu}/u.test('É'), 'Ünïcödé wörds'.match(/\p{L}+/gu), /^\p{Emoji}$/u.test('😀'));
const sticky = /\d+/y; sticky.lastIndex = 3; console.log(sticky.exec('ab 42 x')?.[0], sticky.lastIndex);
console.log('a1b22c333'.split(/(\d+)/), /(?<=\$)\d+/.exec('cost $45')[0]);
console.log(/(a+)+b/.test('aaaaaaaaaaaab'), new RegExp('x*', 'g')[Symbol.replace]('abc', '-'));
const email = /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/;
console.log(['a@b.co', 'bad@', 'x.y+z@sub.example.org'].map((e) => email.test(e)));
console.log(String(/a\/b/gi), /[\u{1F600}-\u{1F64F}]/u.source, /x/dg.flags);
const d = /(?<word>b+)/d.exec('aabbbcc'); console.log(d.indices[0], d.indices.groups.word);
