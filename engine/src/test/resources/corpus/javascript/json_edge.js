// JSON: replacers, revivers, indentation, toJSON, unicode, and what cannot be serialized.
const data = { name: 'Zoë', when: new Date(Date.UTC(2024, 4, 5)), tags: new Set(['a']), n: 1.50, big: 2 ** 53, nested: { u: undefined, f() {}, nan: NaN, inf: -Infinity, neg: -0 } };
console.log(JSON.stringify(data));
console.log(JSON.stringify(data, null, 2));
console.log(JSON.stringify(data, ['name', 'n']), JSON.stringify(data, (k, v) => (v instanceof Set ? [...v] : v), '\t'));
console.log(JSON.stringify({ toJSON() { return { replaced: true }; } }), JSON.stringify([undefined, () => 1, Symbol('x')]), JSON.stringify('\u2028\ud800"\\'));
const parsed = JSON.parse('{"a":1,"b":[true,null,"x"],"d":"2024-01-02T03:04:05.000Z","e":1e400,"big":12345678901234567890}', (k, v) => (k === 'd' ? new Date(v) : v));
console.log(parsed, parsed.d instanceof Date, parsed.e, parsed.big);
for (const bad of ['{a:1}', "{'a':1}", '[1,]', '', '{"a":1}x', 'NaN']) {
  try { JSON.parse(bad); console.log('parsed', bad); } catch (e) { console.log(e.name, JSON.stringify(bad)); }
}
const cyc = { a: 1 }; cyc.self = cyc;
try { JSON.stringify(cyc); } catch (e) { console.log(e.name, e.message.split('\n')[0].includes('circular')); }
console.log(JSON.stringify({ a: [{ b: 1 }, { c: [] }], e: {} }, null, '--'), JSON.stringify([], null, 2), JSON.stringify({}, null, 2));
console.log(JSON.stringify('é😀\u0007'), JSON.parse('"\\u00e9\\ud83d\\ude00"'), JSON.stringify({ k: 'v' }, null, 20).split('\n')[1].length);
console.log(Object.keys(JSON.parse('{"b":1,"a":2,"1":3,"0":4}')), JSON.stringify(Object.fromEntries([['z', 1], ['10', 2], ['2', 3]])));
