// An uncaught custom error ends the program with exit code 1 after some output.
class ValidationError extends Error {
  constructor(field, message) { super(`${field}: ${message}`); this.name = 'ValidationError'; this.field = field; }
}
function validate(record) {
  if (typeof record.age !== 'number') throw new ValidationError('age', 'must be a number');
  return true;
}
console.log('validating');
try { validate({ age: 'x' }); } catch (e) { console.log('caught', e.name, e.field, e.message, e instanceof Error); }
const err = new RangeError('out of range', { cause: new Error('root') });
console.log(err.cause.message, String(err), Object.prototype.toString.call(err));
const agg = new AggregateError([new Error('a'), new Error('b')], 'many');
console.log(agg.errors.length, agg.message, agg.name);
validate({ age: null });
console.log('not reached');
