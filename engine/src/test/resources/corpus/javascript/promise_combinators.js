// Promise.all/allSettled/any/race and async error handling.
const wait = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(v)) : res(v)), ms));
async function main() {
  console.log(await Promise.all([wait(10, 'a'), wait(1, 'b'), 'c']));
  const settled = await Promise.allSettled([wait(2, 'ok'), wait(1, 'bad', true)]);
  console.log(settled.map((s) => s.status + ':' + (s.value || s.reason.message)));
  console.log(await Promise.any([wait(5, 'x', true), wait(3, 'y')]));
  try { await Promise.any([wait(1, 'e1', true), Promise.reject(new TypeError('e2'))]); } catch (e) { console.log(e.constructor.name, e.errors.map((x) => x.message)); }
  console.log(await Promise.race([wait(20, 'slow'), wait(2, 'fast')]));
  try { await Promise.all([wait(1, 'fine'), wait(2, 'boom', true)]); } catch (e) { console.log('all rejected:', e.message); }
  const results = [];
  for await (const v of [wait(3, 1), wait(1, 2), 3]) results.push(v);
  console.log(results);
  async function* gen() { for (let i = 0; i < 3; i++) { await wait(1); yield i; } }
  for await (const i of gen()) console.log('gen', i);
  const p = Promise.resolve(42);
  console.log(await p, Promise.reject(new Error('later')).catch((e) => e.message) instanceof Promise);
  const t = await Promise.resolve().then(() => { throw new Error('in then'); }).catch((e) => `caught ${e.message}`).finally(() => console.log('finally'));
  console.log(t);
  return 'done';
}
main().then(console.log);
