const value: number = await Promise.resolve(41);
console.log(value + 1);
