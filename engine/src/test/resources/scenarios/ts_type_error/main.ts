const n: number = "not a number" as unknown as number;
const s: string = 42 as any;
let wrong: number = "types are not checked";
console.log(n, s, wrong);
