try {
  new Worker('x');
  console.log('reached');
} catch (e) {
  console.log('refused', e.name);
}
console.log('after');
