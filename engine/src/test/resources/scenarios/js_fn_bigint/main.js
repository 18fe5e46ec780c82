function execute(input) {
  return { big: 10n };
}
