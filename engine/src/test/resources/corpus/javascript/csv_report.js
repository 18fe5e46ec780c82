// A CSV on stdin becomes a per-region summary table and a JSON line.
const text = require('fs').readFileSync(0, 'utf8');
const [header, ...rows] = text.trim().split(/\r?\n/);
const columns = header.split(',');
function parseLine(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}
const records = rows.map((r) => Object.fromEntries(parseLine(r).map((v, i) => [columns[i], v])));
const byRegion = new Map();
for (const r of records) {
  const agg = byRegion.get(r.region) || { count: 0, total: 0, products: new Set() };
  agg.count++;
  agg.total += Number(r.amount);
  agg.products.add(r.product);
  byRegion.set(r.region, agg);
}
const regions = [...byRegion.keys()].sort();
console.log(`${'region'.padEnd(10)}${'n'.padStart(3)}${'total'.padStart(12)}  products`);
for (const region of regions) {
  const a = byRegion.get(region);
  console.log(`${region.padEnd(10)}${String(a.count).padStart(3)}${a.total.toFixed(2).padStart(12)}  ${[...a.products].sort().join('; ')}`);
}
const grand = records.reduce((s, r) => s + Number(r.amount), 0);
console.log(JSON.stringify({ rows: records.length, grand: Math.round(grand * 100) / 100, regions }));
console.log(records.filter((r) => r.product.includes(',')).map((r) => r.product));
