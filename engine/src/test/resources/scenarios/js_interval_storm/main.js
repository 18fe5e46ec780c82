console.log('storm');
setInterval(() => {}, 0);
setInterval(() => { for (let i = 0; i < 1000; i++) setImmediate(() => {}); }, 1);
