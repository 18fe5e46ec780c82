// Line-by-line stdin with readline: a word-frequency report.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin });
const freq = new Map();
let lines = 0;
rl.on('line', (line) => {
  lines++;
  for (const w of line.toLowerCase().match(/[\p{L}']+/gu) || []) freq.set(w, (freq.get(w) || 0) + 1);
});
rl.on('close', () => {
  const top = [...freq].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
  console.log(`${lines} lines, ${freq.size} distinct words`);
  for (const [w, n] of top) console.log(`${w.padEnd(8, '.')}${String(n).padStart(3)}`);
});
