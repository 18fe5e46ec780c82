console.log('storm');
(async () => { for (;;) await 0; })();
