// A typed async job runner: concurrency limit, retries with backoff, timeouts, ordered results.
type Job<T> = () => Promise<T>;
interface Outcome<T> { index: number; ok: boolean; value?: T; error?: string; attempts: number }
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${ms} ms`)), ms); });
  try { return await Promise.race([p, timeout]); } finally { clearTimeout(timer); }
}
async function retry<T>(job: Job<T>, attempts: number): Promise<{ value: T; attempts: number }> {
  let last: unknown;
  for (let i = 1; i <= attempts; i++) {
    try { return { value: await withTimeout(job(), 50), attempts: i }; } catch (e) { last = e; await sleep(2 * i); }
  }
  throw Object.assign(new Error(`failed: ${(last as Error).message}`), { attempts });
}
async function runAll<T>(jobs: Job<T>[], limit: number): Promise<Outcome<T>[]> {
  const results: Outcome<T>[] = new Array(jobs.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < jobs.length) {
      const index = next++;
      try { const r = await retry(jobs[index], 3); results[index] = { index, ok: true, value: r.value, attempts: r.attempts }; }
      catch (e) { results[index] = { index, ok: false, error: (e as Error).message, attempts: (e as { attempts: number }).attempts }; }
    }
  }
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}
let flaky = 0;
const jobs: Job<string>[] = [
  async () => { await sleep(5); return 'fast'; },
  async () => { if (++flaky < 3) throw new Error('flaky'); return `flaky ok after ${flaky}`; },
  async () => { await sleep(200); return 'too slow'; },
  async () => 'instant',
  async () => { throw new TypeError('always fails'); },
];
runAll(jobs, 2).then((results) => {
  for (const r of results) console.log(r.index, r.ok ? `ok ${r.value}` : `error ${r.error}`, `attempts=${r.attempts}`);
  console.log('succeeded', results.filter((r) => r.ok).length, 'of', results.length);
});
