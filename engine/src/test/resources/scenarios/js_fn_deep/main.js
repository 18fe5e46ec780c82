function execute(input) {
  let value = null;
  for (let i = 0; i < 100000; i++) {
    value = [value];
  }
  return value;
}
