// A rejected promise nobody handles ends the run with exit code 1, after the synchronous output.
async function load(id) {
  await null;
  if (id > 1) throw new TypeError(`no record ${id}`);
  return { id };
}
load(1).then((r) => console.log('loaded', r));
console.log('started');
load(2);
