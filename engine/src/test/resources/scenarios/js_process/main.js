console.log(process.argv.length, process.argv[0], process.argv[1], process.argv.slice(2).join(','));
console.log(process.platform, JSON.stringify(process.env));
const [s, ns] = process.hrtime();
console.log(Number.isInteger(s) && Number.isInteger(ns), typeof process.hrtime.bigint());
process.stdout.write('no newline|');
process.stderr.write('err|');
process.on('exit', (code) => console.log(`exit event ${code}`));
process.exitCode = 3;
