async function execute(input) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return { doubled: input * 2 };
}
