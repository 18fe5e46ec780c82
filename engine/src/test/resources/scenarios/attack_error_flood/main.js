console.log('before');
throw new Error('A'.repeat(5 * 1024 * 1024));
