process.on('SIGTERM', () => console.log('guest handler'));
process.on('SIGINT', () => {});
console.log('after');
