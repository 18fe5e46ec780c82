function later() {
  throw new RangeError('from a timer');
}
setTimeout(later, 1);
