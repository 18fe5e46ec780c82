// Holds 1 GiB, 16 MiB at a time (eight times the default memory_size), then keeps it.
console.log("started");
const held = [];
for (let i = 0; i < 64; i++) {
  held.push(new Uint8Array(16 * 1024 * 1024));
}
console.log("held", held.length);
setTimeout(() => console.log("still held", held.length), 600000);
