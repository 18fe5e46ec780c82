function execute(input) {
  return 10n;
}
