// Allocates 1.6 GiB (12.5 times the default memory_size) and never holds more than 32 MiB.
let b;
for (let i = 0; i < 100; i++) {
  b = new Uint8Array(16 * 1024 * 1024);
}
console.log("ok");
