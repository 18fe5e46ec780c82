function execute(input) {
  if (input !== null) throw new Error('expected null input');
}
