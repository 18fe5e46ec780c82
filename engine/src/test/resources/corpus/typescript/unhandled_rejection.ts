// An async function's rejection that nobody handles ends the run with exit code 1.
interface Config { url: string; retries: number }
async function loadConfig(raw: string): Promise<Config> {
  await new Promise((r) => setTimeout(r, 1));
  const parsed = JSON.parse(raw) as Partial<Config>;
  if (!parsed.url) throw new Error('config.url is required');
  return { url: parsed.url, retries: parsed.retries ?? 3 };
}
loadConfig('{"url":"https://x.dev"}').then((c) => console.log('loaded', c));
console.log('loading');
void loadConfig('{"retries":1}');
