function execute(input) {
  return {
    toJSON() {
      for (;;) {}
    },
  };
}
