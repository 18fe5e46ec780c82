function check(input) {
  throw new TypeError(`bad input ${input.n}`);
}
function execute(input) {
  return check(input);
}
