function execute(input) {
  return { n: input.n + 100, version: 2 };
}
