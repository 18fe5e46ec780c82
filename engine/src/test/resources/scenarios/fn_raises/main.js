function execute(input) {
  throw new Error("bad input");
}
