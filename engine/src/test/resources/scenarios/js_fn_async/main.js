async function execute(input) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  return { doubled: input.n * 2 };
}
