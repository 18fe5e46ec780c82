console.log(process.env.K1, process.env.PATH, process.env.HOME);
