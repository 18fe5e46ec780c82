// An uncaught typed error ends the run with exit code 1.
class HttpError extends Error {
  constructor(public readonly status: number, message: string) { super(message); this.name = 'HttpError'; }
}
function fetchUser(id: number): { id: number; name: string } {
  if (id !== 1) throw new HttpError(404, `user ${id} not found`);
  return { id, name: 'ann' };
}
console.log(fetchUser(1));
try { fetchUser(2); } catch (e) { if (e instanceof HttpError) console.log('handled', e.status, e.message, e.name); }
const results: number[] = [];
for (const id of [1, 1, 7]) { fetchUser(id); results.push(id); console.log('fetched', id); }
console.log('not reached', results);
