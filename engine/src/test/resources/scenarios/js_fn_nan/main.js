function execute(input) {
  return { ratio: 0 / 0, limit: Infinity };
}
