// Utility and mapped types (erased at run time) guiding ordinary code: Partial updates, Readonly, Record.
interface User { id: number; name: string; email?: string; roles: readonly string[] }
type UserPatch = Partial<Omit<User, 'id'>>;
const users: Record<number, Readonly<User>> = {
  1: { id: 1, name: 'Ann', roles: ['admin'] },
  2: { id: 2, name: 'Bob', email: 'bob@example.com', roles: [] },
};
function update(id: number, patch: UserPatch): User {
  const current = users[id];
  if (!current) throw new Error(`no user ${id}`);
  const next: User = { ...current, ...patch };
  users[id] = Object.freeze(next);
  return next;
}
console.log(update(1, { email: 'ann@example.com' }), update(2, { roles: ['dev', 'ops'] }));
try { update(3, {}); } catch (e) { console.log((e as Error).message); }
const frozen = users[1];
try { (frozen as User).name = 'changed'; } catch (e) { console.log('frozen:', (e as Error).constructor.name); }
type Getters<T> = { [K in keyof T as `get${Capitalize<string & K>}`]: () => T[K] };
function getters<T extends object>(obj: T): Getters<T> {
  const out: Record<string, () => unknown> = {};
  for (const k of Object.keys(obj) as (keyof T & string)[]) out[`get${k[0].toUpperCase()}${k.slice(1)}`] = () => obj[k];
  return out as Getters<T>;
}
const g = getters({ city: 'Oslo', zip: 150 });
console.log(g.getCity(), g.getZip(), Object.keys(g));
const config = { mode: 'prod', retries: 3, hosts: ['a', 'b'] } as const;
type Mode = typeof config.mode;
const m: Mode = config.mode;
console.log(m, config.hosts.length, Object.isFrozen(config));
const settings = { theme: 'dark', size: 12 } satisfies Record<string, string | number>;
console.log(settings.theme.toUpperCase(), settings.size.toFixed(1));
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
const partial: DeepPartial<{ a: { b: { c: number } } }> = { a: { b: {} } };
console.log(JSON.stringify(partial), partial.a?.b?.c ?? 'default');
