console.log('started');
/(a*)*\1b/.test('a'.repeat(40));
console.log('finished');
