// Reading stdin line by line with for await, parsing typed log records.
import * as readline from 'readline';
interface Rec { ts: string; level: 'INFO' | 'WARN' | 'ERROR'; msg: string }
async function main(): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  const recs: Rec[] = [];
  let bad = 0;
  for await (const line of rl) {
    const m = /^(\S+) (INFO|WARN|ERROR) (.*)$/.exec(line);
    if (m) recs.push({ ts: m[1], level: m[2] as Rec['level'], msg: m[3] }); else if (line.trim()) bad++;
  }
  const byLevel = recs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.level]: (acc[r.level] ?? 0) + 1 }), {});
  console.log(byLevel, 'unparsed', bad);
  for (const r of recs.filter((x) => x.level !== 'INFO')) console.log(`${r.ts.slice(11, 19)} ${r.level.padEnd(5)} ${r.msg}`);
}
main().catch((e) => { console.error(e); process.exit(1); });
