// assert from TypeScript: typed helpers built on strict assertions, failures reported and caught.
import assert from 'assert/strict';
interface Invoice { id: string; lines: { qty: number; unit: number }[]; total: number }
function checkInvoice(inv: Invoice): void {
  assert.ok(inv.id.startsWith('INV-'), `bad id ${inv.id}`);
  const sum = inv.lines.reduce((s, l) => s + l.qty * l.unit, 0);
  assert.equal(Math.round(sum * 100), Math.round(inv.total * 100), `total of ${inv.id}`);
  assert.deepEqual(inv.lines.map((l) => typeof l.qty), inv.lines.map(() => 'number'));
}
const invoices: Invoice[] = [
  { id: 'INV-1', lines: [{ qty: 2, unit: 1.5 }, { qty: 1, unit: 7 }], total: 10 },
  { id: 'INV-2', lines: [{ qty: 3, unit: 0.1 }], total: 0.3 },
  { id: 'BAD-3', lines: [], total: 0 },
  { id: 'INV-4', lines: [{ qty: 1, unit: 5 }], total: 6 },
];
for (const inv of invoices) {
  try { checkInvoice(inv); console.log(inv.id, 'ok'); } catch (e) {
    const err = e as assert.AssertionError;
    console.log(inv.id, err.name, err.code, err.operator, JSON.stringify(err.message));
  }
}
assert.throws(() => checkInvoice(invoices[2]), { name: 'AssertionError', message: /bad id/ });
assert.deepEqual(new Map([[1, { a: [1] }]]), new Map([[1, { a: [1] }]]));
assert.notDeepEqual([1, 2], [1, '2']);
console.log('done');
checkInvoice(invoices[3]);
