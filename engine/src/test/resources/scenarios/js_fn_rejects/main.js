async function execute(input) {
  await null;
  throw new Error('async failure');
}
