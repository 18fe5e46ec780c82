// A typed URL router: patterns with parameters, query parsing, building links.
type Params = Record<string, string>;
type Handler = (params: Params, query: URLSearchParams) => string;
interface Route { method: 'GET' | 'POST'; pattern: RegExp; keys: string[]; handler: Handler }
const routes: Route[] = [];
function route(method: Route['method'], path: string, handler: Handler): void {
  const keys: string[] = [];
  const pattern = new RegExp('^' + path.replace(/:(\w+)/g, (_, k: string) => { keys.push(k); return '([^/]+)'; }) + '/?$');
  routes.push({ method, pattern, keys, handler });
}
route('GET', '/users/:id', (p, q) => `user ${p.id}${q.has('full') ? ' (full)' : ''}`);
route('GET', '/repos/:owner/:repo/issues', (p, q) => `issues of ${p.owner}/${p.repo} page ${q.get('page') ?? 1} labels ${q.getAll('label').join('+') || '-'}`);
route('POST', '/search', (_, q) => `search "${q.get('q')}"`);
function dispatch(method: Route['method'], raw: string): string {
  const url = new URL(raw, 'https://api.example.com');
  for (const r of routes) {
    const m = r.method === method ? r.pattern.exec(decodeURIComponent(url.pathname)) : null;
    if (m) return r.handler(Object.fromEntries(r.keys.map((k, i) => [k, m[i + 1]])), url.searchParams);
  }
  return `404 ${method} ${url.pathname}`;
}
for (const [m, u] of [['GET', '/users/42?full'], ['GET', '/repos/acme/web/issues?page=3&label=bug&label=ui'], ['POST', '/search?q=caf%C3%A9+au+lait'], ['GET', '/nope'], ['GET', 'https://other.host/users/7/']] as const) {
  console.log(dispatch(m, u));
}
function link(base: string, path: string, query: Record<string, string | number | string[]>): string {
  const url = new URL(path, base);
  for (const [k, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
  return url.href;
}
console.log(link('https://example.com/api/', 'v2/items', { page: 2, tag: ['a b', 'ü'], q: 'x&y=z' }));
console.log(new URL('https://example.com:443/a/../b/./c?').href, new URL('https://例え.jp/').hostname === 'xn--r8jz45g.jp');
