// Enums (numeric, string, const), discriminated unions and exhaustive switches.
enum Direction { Up = 1, Down, Left, Right }
enum Level { Debug = 'DEBUG', Info = 'INFO', Error = 'ERROR' }
const enum Flags { None = 0, Read = 1 << 0, Write = 1 << 1, Exec = 1 << 2, All = Read | Write | Exec }
console.log(Direction.Down, Direction[3], Direction, Object.keys(Direction).length);
console.log(Level.Info, Object.values(Level), Flags.All, (Flags.Read | Flags.Exec) & Flags.Write);
type Shape =
  | { kind: 'circle'; radius: number }
  | { kind: 'rect'; width: number; height: number }
  | { kind: 'triangle'; base: number; height: number };
function area(s: Shape): number {
  switch (s.kind) {
    case 'circle': return Math.PI * s.radius ** 2;
    case 'rect': return s.width * s.height;
    case 'triangle': return (s.base * s.height) / 2;
    default: { const never: never = s; throw new Error(`unknown ${JSON.stringify(never)}`); }
  }
}
const shapes: Shape[] = [{ kind: 'circle', radius: 2 }, { kind: 'rect', width: 3, height: 4 }, { kind: 'triangle', base: 6, height: 2 }];
console.log(shapes.map((s) => `${s.kind}=${area(s).toFixed(3)}`).join(' '));
function log(level: Level, msg: string): string { return `[${level}] ${msg}`; }
console.log(log(Level.Error, 'disk full'), Level['Debug' as keyof typeof Level]);
type Event = { type: 'click'; x: number; y: number } | { type: 'key'; key: string };
const isKey = (e: Event): e is Extract<Event, { type: 'key' }> => e.type === 'key';
const events: Event[] = [{ type: 'click', x: 1, y: 2 }, { type: 'key', key: 'Enter' }];
console.log(events.filter(isKey).map((e) => e.key), events.length);
try { area({ kind: 'hexagon' } as unknown as Shape); } catch (e) { console.log((e as Error).message); }
