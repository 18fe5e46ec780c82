// Typed inventory records from stdin JSON become a report with totals per category.
interface Item { sku: string; name: string; category: Category; qty: number; price: number }
enum Category { Tools = 'tools', Parts = 'parts', Misc = 'misc' }
type Totals = Record<Category, { count: number; value: number }>;
const items: Item[] = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const totals = Object.fromEntries(Object.values(Category).map((c) => [c, { count: 0, value: 0 }])) as Totals;
for (const item of items) {
  totals[item.category].count += item.qty;
  totals[item.category].value += item.qty * item.price;
}
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
for (const [cat, t] of Object.entries(totals) as [Category, Totals[Category]][]) {
  console.log(`${cat.padEnd(6)} ${String(t.count).padStart(4)} ${money.format(t.value).padStart(12)}`);
}
const lowStock: string[] = items.filter((i) => i.qty < 5).map((i) => `${i.sku} (${i.qty})`);
console.log('low stock:', lowStock.join(', ') || 'none');
console.log(JSON.stringify({ skus: items.length, value: Math.round(items.reduce((s, i) => s + i.qty * i.price, 0) * 100) / 100 }));
