try {
  const cp = require("child_process");
  console.log(cp.execSync("id").toString());
} catch (e) {
  console.log("refused:", e.message);
}
console.log("after");
