function execute(input) {
  return input;
}
