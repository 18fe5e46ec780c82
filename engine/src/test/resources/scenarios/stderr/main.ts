console.error("to stderr");
console.log("to stdout");
