// Numbers as reports print them: fixed, precision, exponent, locale formats, edge values.
const values = [0, -0, 1, 1.005, 2.5, -2.5, 1234.5678, 0.1 + 0.2, 1e21, 1e-7, 123456789.123, Number.MAX_SAFE_INTEGER, NaN, Infinity];
for (const v of values) {
  console.log(String(v), v.toFixed(2), v.toPrecision(4), v.toExponential(1), Math.round(v), v.toString(16).slice(0, 12));
}
const en = new Intl.NumberFormat('en-US');
const de = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2 });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const eur = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const jpy = new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' });
for (const v of [0, 0.5, 1234.5, -98765.4321, 1e6]) {
  console.log(en.format(v), '|', de.format(v), '|', usd.format(v), '|', eur.format(v), '|', jpy.format(v));
}
console.log(new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }).format(0.12345));
console.log(new Intl.NumberFormat('en', { notation: 'compact' }).format(1234567), new Intl.NumberFormat('en', { notation: 'scientific' }).format(123456));
console.log(new Intl.NumberFormat('en', { style: 'unit', unit: 'kilobyte' }).format(512), new Intl.NumberFormat('en-IN').format(12345678));
console.log((1234567.891).toLocaleString(), (1234567.891).toLocaleString('fr-FR'), (0.000001).toString(), (123e-20).toString());
console.log(parseInt('08'), parseInt('0x1f'), parseFloat('3.14abc'), Number(''), Number('12px'), +'1e3', Number.parseFloat('.5'));
console.log(0.1 * 3, 9007199254740993, 2 ** 53 + 1, 5 % -3, -5 % 3, Math.trunc(-4.7), Math.sign(-3), Math.hypot(3, 4));
console.log(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), (25).toString(2), (255).toString(36), Number('0b101'), Number('0o17'));
const bytes = (n) => { const u = ['B', 'KB', 'MB', 'GB']; let i = 0; while (n >= 1024 && i < u.length - 1) { n /= 1024; i++; } return `${n.toFixed(1)} ${u[i]}`; };
console.log([512, 2048, 5 * 1024 ** 2, 3.2 * 1024 ** 3].map(bytes).join(', '));
