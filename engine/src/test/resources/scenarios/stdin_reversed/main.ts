const s: string = require("fs").readFileSync(0, "utf8");
console.log(s.split("").reverse().join(""));
