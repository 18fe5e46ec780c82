try {
  console.log(Java.type("java.lang.Runtime"));
} catch (e) {
  console.log("refused:", e.name);
}
try {
  console.log(Packages.java.io.File);
} catch (e) {
  console.log("refused:", e.name);
}
try {
  console.log(Polyglot.eval("python", "1"));
} catch (e) {
  console.log("refused:", e.name);
}
console.log("after");
