interface Input { n: number }

function execute(input: Input): { n: number } {
  console.log("called");
  return { n: input.n + 1 };
}
