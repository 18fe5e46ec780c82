// Typed configuration from environment variables and arguments, with defaults and errors.
interface Config { port: number; host: string; debug: boolean; tags: string[]; mode: 'dev' | 'prod' }
const defaults: Config = { port: 8080, host: 'localhost', debug: false, tags: [], mode: 'dev' };
type Parser<T> = (raw: string) => T;
const parsers: { [K in keyof Config]: Parser<Config[K]> } = {
  port: (r) => { const n = Number(r); if (!Number.isInteger(n) || n < 1 || n > 65535) throw new RangeError(`PORT must be 1-65535, got "${r}"`); return n; },
  host: (r) => r.trim(),
  debug: (r) => ['1', 'true', 'yes'].includes(r.toLowerCase()),
  tags: (r) => r.split(',').map((t) => t.trim()).filter(Boolean),
  mode: (r) => { if (r !== 'dev' && r !== 'prod') throw new TypeError(`MODE must be dev or prod, got "${r}"`); return r; },
};
function load(env: Record<string, string | undefined>): { config: Config; errors: string[] } {
  const config = { ...defaults };
  const errors: string[] = [];
  for (const key of Object.keys(parsers) as (keyof Config)[]) {
    const raw = env[`APP_${key.toUpperCase()}`];
    if (raw === undefined) continue;
    try { (config as Record<keyof Config, unknown>)[key] = parsers[key](raw); } catch (e) { errors.push((e as Error).message); }
  }
  return { config, errors };
}
const { config, errors } = load(process.env);
console.log(config);
console.log(errors);
const args = process.argv.slice(2);
const flags = Object.fromEntries(args.filter((a) => a.startsWith('--')).map((a) => { const [k, v = 'true'] = a.slice(2).split('='); return [k, v]; }));
console.log(flags, args.filter((a) => !a.startsWith('--')));
if (errors.length) { console.error(`${errors.length} configuration error(s)`); process.exitCode = 78; }
