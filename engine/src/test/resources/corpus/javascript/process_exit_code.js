// process.exitCode sets the status of a run that ends by itself; 'exit' listeners see it.
process.on('exit', (code) => { console.log('exit event', code, process.exitCode); });
console.log('working');
setTimeout(() => { console.log('timer ran'); process.exitCode = 3; }, 5);
Promise.resolve().then(() => console.log('microtask'));
