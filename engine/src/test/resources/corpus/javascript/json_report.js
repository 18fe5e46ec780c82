const data = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const total = data.items.reduce((s, i) => s + i.price * i.qty, 0);
console.log(JSON.stringify({ customer: data.customer, total: Math.round(total * 100) / 100, count: data.items.length }, null, 2));
console.log(`${'café'.padStart(8)}|${total.toFixed(3).padStart(10)}|`);
