function execute(input) {
  return { n: input.n + 1, version: 1 };
}
