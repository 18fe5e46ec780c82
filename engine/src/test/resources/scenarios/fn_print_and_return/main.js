function execute(input) {
  console.log("noise");
  return input.a + input.b;
}
