// Typed CSV parsing from stdin with validation errors collected per row.
interface Row { date: Date; account: string; amount: number; memo: string }
type ParseError = { line: number; reason: string };
const input: string = require('fs').readFileSync(0, 'utf8');
const [head, ...lines] = input.split('\n').filter((l: string) => l.trim() !== '');
const cols = head.split(';').map((c: string) => c.trim().toLowerCase());
const rows: Row[] = [];
const errors: ParseError[] = [];
lines.forEach((line: string, i: number) => {
  const cells = line.split(';').map((c) => c.trim());
  const rec = Object.fromEntries(cols.map((c: string, j: number) => [c, cells[j] ?? '']));
  const amount = Number(rec.amount.replace(',', '.'));
  const date = new Date(`${rec.date}T00:00:00Z`);
  if (Number.isNaN(amount)) errors.push({ line: i + 2, reason: `bad amount "${rec.amount}"` });
  else if (Number.isNaN(date.getTime())) errors.push({ line: i + 2, reason: `bad date "${rec.date}"` });
  else rows.push({ date, account: rec.account, amount, memo: rec.memo });
});
const byMonth = new Map<string, number>();
for (const r of rows) { const k = r.date.toISOString().slice(0, 7); byMonth.set(k, (byMonth.get(k) ?? 0) + r.amount); }
console.log([...byMonth].map(([k, v]) => `${k}: ${v.toFixed(2)}`).join('\n'));
console.log(errors);
console.log(rows.map((r) => r.date.toLocaleDateString('en-GB', { timeZone: 'UTC' })).join(', '));
const balance = rows.reduce((s, r) => s + r.amount, 0);
console.log(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(balance));
if (errors.length > 0) process.exitCode = 2;
