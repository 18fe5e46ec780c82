// 64-bit ids with BigInt: snowflake-style packing, hex and base-36 text, checked arithmetic.
const EPOCH = 1_600_000_000_000n;
interface Parts { time: bigint; worker: bigint; seq: bigint }
const pack = ({ time, worker, seq }: Parts): bigint => ((time - EPOCH) << 22n) | (worker << 12n) | seq;
const unpack = (id: bigint): Parts => ({ time: (id >> 22n) + EPOCH, worker: (id >> 12n) & 0x3ffn, seq: id & 0xfffn });
const ids: bigint[] = [0n, 1n, 4095n].map((seq) => pack({ time: 1_700_000_000_123n, worker: 7n, seq }));
for (const id of ids) console.log(id, id.toString(16), id.toString(36), unpack(id));
console.log(ids.map(String), JSON.stringify(ids.map((i) => i.toString())));
const u64max = (1n << 64n) - 1n;
function checkedAdd(a: bigint, b: bigint): bigint { const r = a + b; if (r > u64max) throw new RangeError(`overflow: ${a} + ${b}`); return r; }
try { checkedAdd(u64max, 1n); } catch (e) { console.log((e as Error).name, (e as Error).message); }
console.log(BigInt.asUintN(64, -1n) === u64max, BigInt.asIntN(64, u64max), (2n ** 127n - 1n) % 1_000_000_007n);
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
console.log(gcd(2n ** 64n, 6n ** 20n), BigInt('123456789012345678901234567890') * 3n, typeof ids[0]);
console.log(new Intl.NumberFormat('en-US').format(2n ** 70n), (10n ** 30n).toLocaleString('de-DE'));
