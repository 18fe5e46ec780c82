// process.exitCode and process.exit from typed code; exit listeners run once.
let exits = 0;
process.on('exit', (code: number) => { exits++; console.log(`exit(${code}) listeners=${exits}`); });
type Check = { name: string; pass: boolean };
const checks: Check[] = [{ name: 'schema', pass: true }, { name: 'size', pass: false }, { name: 'names', pass: true }];
const failed = checks.filter((c) => !c.pass);
for (const c of checks) console.log(`${c.pass ? 'PASS' : 'FAIL'} ${c.name}`);
process.exitCode = failed.length > 0 ? 10 + failed.length : 0;
setTimeout(() => {
  console.log('deferred work, exit code so far', process.exitCode);
  if (failed.length > 0) process.exit(process.exitCode as number + 1);
  console.log('not reached');
}, 2);
