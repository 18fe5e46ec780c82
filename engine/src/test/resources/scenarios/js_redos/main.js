// GraalJS's TRegex matches this one in linear time
console.log(/(a+)+b/.test('a'.repeat(40)));
// a back-reference forces backtracking: exponential, so only the time limit ends it
console.log(/(a*)*\1b/.test('a'.repeat(40)));
