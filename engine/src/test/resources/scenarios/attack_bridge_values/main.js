(async () => {
  for (const init of [{ signal: { aborted: false, _deadline: 1e300 } }, { signal: { aborted: false, _deadline: -1e300 } },
                      { headers: [[1, 2, 3]] }, { method: 'X'.repeat(100) }]) {
    try {
      await fetch('http://x.test/', init);
      console.log('reached');
    } catch (e) {
      console.log('refused', e.name);
    }
  }
  try {
    crypto.getRandomValues(new Uint8Array(1e6));
    console.log('reached');
  } catch (e) {
    console.log('refused', e.name);
  }
  console.log('after');
})();
