const base = await Promise.resolve(40);
export function execute(input) {
  return base + input.n;
}
