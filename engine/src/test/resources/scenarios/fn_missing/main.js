function run(input) {
  return input;
}
