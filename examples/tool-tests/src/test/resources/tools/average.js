// The same tool in JavaScript.
function execute(input) {
  const values = input.values;
  if (values.length === 0) {
    return { count: 0, average: null };
  }
  return { count: values.length, average: values.reduce((a, b) => a + b, 0) / values.length };
}
