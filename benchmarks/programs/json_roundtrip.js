// A 1 MB JSON round trip: serialize, parse, compare.
const data = [];
for (let i = 0; i < 14000; i++) {
  data.push({id: i, name: `item-${i}`, tags: ['a', 'b', 'c'], value: i * 0.5});
}
const text = JSON.stringify(data);
const back = JSON.parse(text);
if (back.length !== data.length || back[13999].name !== 'item-13999') {
  throw new Error('round trip changed the data');
}
console.log(text.length);
