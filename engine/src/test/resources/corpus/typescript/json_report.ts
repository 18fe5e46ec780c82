interface Item { price: number; qty: number }
const input: { customer: string; items: Item[] } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const total: number = input.items.reduce((s: number, i: Item) => s + i.price * i.qty, 0);
console.log(JSON.stringify({ customer: input.customer, total: Math.round(total * 100) / 100 }, null, 2));
