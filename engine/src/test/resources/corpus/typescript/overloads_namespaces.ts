// Function overloads, namespaces, declaration merging and index signatures.
namespace Units {
  export const factors: { [unit: string]: number } = { mm: 0.001, cm: 0.01, m: 1, km: 1000, in: 0.0254, ft: 0.3048 };
  export function convert(value: number, from: string, to: string): number {
    if (!(from in factors) || !(to in factors)) throw new Error(`unknown unit ${!(from in factors) ? from : to}`);
    return (value * factors[from]) / factors[to];
  }
  export namespace Format { export const fixed = (n: number, d = 3): string => n.toFixed(d); }
}
function parse(input: string): number;
function parse(input: string[]): number[];
function parse(input: string | string[]): number | number[] {
  return Array.isArray(input) ? input.map((s) => parseFloat(s)) : parseFloat(input);
}
interface Box { width: number }
interface Box { height: number }
const box: Box = { width: 2, height: 3 };
function Counter(): number { return ++Counter.count; }
namespace Counter { export let count = 0; }
console.log(Units.Format.fixed(Units.convert(5, 'km', 'ft')), Units.convert(12, 'in', 'cm'), Units.Format.fixed(1 / 3, 5));
try { Units.convert(1, 'parsec', 'm'); } catch (e) { console.log((e as Error).message); }
console.log(parse('3.5kg'), parse(['1', '2.5', 'x']), box.width * box.height);
Counter(); Counter(); console.log(Counter(), Counter.count, typeof Units, Object.keys(Units));
enum Color { Red, Green }
namespace Color { export function parse(s: string): Color { return (Color as any)[s]; } }
console.log(Color.parse('Green'), Color[Color.parse('Red')]);
