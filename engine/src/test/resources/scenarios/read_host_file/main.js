try {
  console.log(require("fs").readFileSync("/etc/passwd", "utf8").slice(0, 20));
} catch (e) {
  console.log("refused:", e.message);
}
try { load("/etc/passwd"); console.log("loaded"); } catch (e) { console.log("refused:", e.name); }
console.log("after");
