module.exports = {
  execute(input) {
    return [input.n, 'via module.exports'];
  },
};
