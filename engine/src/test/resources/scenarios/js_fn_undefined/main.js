function execute(input) {
  console.log('side effect only');
}
