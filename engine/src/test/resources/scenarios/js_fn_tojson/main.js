function execute(input) {
  return { when: new Date(0), custom: { toJSON() { return 'custom!'; } } };
}
