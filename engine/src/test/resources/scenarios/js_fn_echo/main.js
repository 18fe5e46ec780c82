function execute(input) {
  console.log('called with', typeof input);
  return { echoed: input, greeting: 'héllo wörld ✓ 🎉' };
}
