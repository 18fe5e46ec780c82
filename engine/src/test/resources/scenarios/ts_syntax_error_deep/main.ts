const ok: number = 1;
console.log(ok);
let broken = (1 + ;
