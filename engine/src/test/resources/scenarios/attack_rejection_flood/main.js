console.log('before');
Promise.reject(new Error('B'.repeat(5 * 1024 * 1024)));
