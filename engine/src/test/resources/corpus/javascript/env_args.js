// Arguments and environment variables: exactly what the run was given.
const args = process.argv.slice(2);
console.log(args.length, JSON.stringify(args));
const opts = {};
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a.startsWith('--')) { const [k, v] = a.slice(2).split('='); opts[k] = v === undefined ? (args[i + 1] && !args[i + 1].startsWith('-') ? args[++i] : true) : v; }
  else (opts._ = opts._ || []).push(a);
}
console.log(opts);
console.log(process.env.API_MODE, process.env.EMPTY === '', process.env.MISSING, 'UNICODE' in process.env, process.env.UNICODE);
const keys = Object.keys(process.env).filter((k) => k.startsWith('APP_')).sort();
console.log(keys, keys.map((k) => process.env[k]));
const limit = Number(process.env.APP_LIMIT ?? '10');
console.log(limit * 2, typeof process.env.APP_LIMIT, process.argv.length >= 2);
