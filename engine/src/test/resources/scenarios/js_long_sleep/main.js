console.log('sleeping');
setTimeout(() => console.log('woke'), 600000);
