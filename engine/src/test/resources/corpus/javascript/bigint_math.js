// BigInt arithmetic and formatting.
let f = 1n;
for (let i = 1n; i <= 30n; i++) f *= i;
console.log(f, f.toString(), String(f).length, typeof f);
function modpow(b, e, m) { let r = 1n; b %= m; while (e > 0n) { if (e & 1n) r = (r * b) % m; b = (b * b) % m; e >>= 1n; } return r; }
console.log(modpow(2n, 1000n, 1000000007n), 2n ** 100n, (-7n) / 2n, (-7n) % 2n);
console.log(BigInt('0xff'), BigInt.asUintN(8, 257n), BigInt.asIntN(8, 255n), (123456789n).toString(16), BigInt(Number.MAX_SAFE_INTEGER) + 2n);
console.log(10n > 9, 10n == 10, 10n === 10, [3n, 1n, 2n].sort((a, b) => (a < b ? -1 : 1)), 0n ? 't' : 'f');
console.log((1234567890123456789012345678901234567890n).toLocaleString('en-US'));
console.log(JSON.stringify({ n: 5n }, (k, v) => (typeof v === 'bigint' ? v.toString() : v)));
try { JSON.stringify({ n: 1n }); } catch (e) { console.log(e.name, e.message.includes('BigInt')); }
try { console.log(1n + 1); } catch (e) { console.log(e.name); }
console.log([1n, 2n, 3n].reduce((a, b) => a + b), BigInt(2 ** 60), Number(2n ** 64n));
const fib = (n) => { let [a, b] = [0n, 1n]; for (let i = 0; i < n; i++) [a, b] = [b, a + b]; return a; };
console.log(fib(100), { big: 12n, arr: [1n] });
