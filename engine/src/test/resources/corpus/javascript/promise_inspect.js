// How console.log shows promises: Node reads their state through V8; GraalJS gives scripts no way.
const settled = Promise.resolve({ ok: true });
const failed = Promise.reject(new Error('no'));
failed.catch(() => {});
console.log(settled, new Promise(() => {}));
console.log([settled]);
