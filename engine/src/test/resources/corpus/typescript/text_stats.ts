// Text statistics over stdin: typed tuples, Intl.Segmenter-free word splitting, sorting by several keys.
const text: string = require('fs').readFileSync('/dev/stdin', 'utf8');
type WordCount = [word: string, count: number];
const words = text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
const counts = new Map<string, number>();
for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
const ranked: WordCount[] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1));
const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0);
const longest = sentences.reduce((a, b) => (b.length > a.length ? b : a), '');
console.log({ chars: [...text].length, words: words.length, distinct: counts.size, sentences: sentences.length });
console.log(ranked.slice(0, 6).map(([w, c]) => `${w}×${c}`).join(' '));
console.log('longest sentence:', JSON.stringify(longest.trim()));
const avg = words.reduce((s, w) => s + [...w].length, 0) / words.length;
console.log('average word length', avg.toFixed(3), 'non-ascii words', words.filter((w) => /[^\x00-\x7f]/.test(w)));
const histogram = new Map<number, number>();
for (const w of words) histogram.set([...w].length, (histogram.get([...w].length) ?? 0) + 1);
for (const [len, n] of [...histogram].sort((a, b) => a[0] - b[0])) console.log(String(len).padStart(2), '#'.repeat(n));
