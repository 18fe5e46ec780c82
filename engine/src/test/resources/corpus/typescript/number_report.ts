// Number formatting for a typed financial report: rounding, currencies, percentages, padding.
interface Line { label: string; amount: number; currency: 'USD' | 'EUR' | 'JPY' | 'GBP' }
const lines: Line[] = [
  { label: 'Licenses', amount: 12999.995, currency: 'USD' },
  { label: 'Support', amount: -1500.5, currency: 'EUR' },
  { label: 'Hosting', amount: 98765.4321, currency: 'JPY' },
  { label: 'Travel', amount: 0.005, currency: 'GBP' },
];
const locales: Record<Line['currency'], string> = { USD: 'en-US', EUR: 'de-DE', JPY: 'ja-JP', GBP: 'en-GB' };
for (const l of lines) {
  const f = new Intl.NumberFormat(locales[l.currency], { style: 'currency', currency: l.currency });
  console.log(`${l.label.padEnd(10)}|${f.format(l.amount).padStart(16)}|${l.amount.toFixed(2).padStart(12)}|${Math.round(l.amount * 100) / 100}`);
}
const round = (n: number, d: number): number => Number(Math.round(Number(`${n}e${d}`)) + `e-${d}`);
console.log([1.005, 2.675, 1.45, -1.005].map((n) => [n.toFixed(2), round(n, 2)]));
const pct = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1 });
const shares = [0.12345, 0.5, 1, 0.0004];
console.log(shares.map((s) => pct.format(s)).join(' | '));
console.log(new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(123456.789), new Intl.NumberFormat('en-US', { minimumIntegerDigits: 3 }).format(7));
console.log(new Intl.NumberFormat('en', { notation: 'compact', compactDisplay: 'long' }).format(2_500_000), new Intl.NumberFormat('de', { notation: 'compact' }).format(1_234_000));
console.log((1e21).toLocaleString('en-US'), (-0).toLocaleString(), NaN.toLocaleString('de-DE'), (12.5).toLocaleString('fr-CH', { style: 'currency', currency: 'CHF' }));
const stats = (xs: number[]) => { const m = xs.reduce((a, b) => a + b) / xs.length; const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length); return { mean: +m.toFixed(4), sd: +sd.toFixed(4), min: Math.min(...xs), max: Math.max(...xs) }; };
console.log(stats(lines.map((l) => l.amount)));
