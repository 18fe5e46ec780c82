// Scheduling with dates in UTC: next business days, ISO weeks, durations, and locale output.
const DAY = 86_400_000;
const holidays = new Set<string>(['2024-12-25', '2024-12-26', '2025-01-01']);
const iso = (d: Date): string => d.toISOString().slice(0, 10);
function addBusinessDays(start: Date, n: number): Date {
  let d = new Date(start.getTime());
  while (n > 0) { d = new Date(d.getTime() + DAY); const wd = d.getUTCDay(); if (wd !== 0 && wd !== 6 && !holidays.has(iso(d))) n--; }
  return d;
}
function isoWeek(d: Date): [number, number] {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return [t.getUTCFullYear(), Math.ceil(((t.getTime() - yearStart) / DAY + 1) / 7)];
}
function duration(ms: number): string {
  const parts: [number, string][] = [[Math.floor(ms / DAY), 'd'], [Math.floor(ms / 3_600_000) % 24, 'h'], [Math.floor(ms / 60_000) % 60, 'm'], [Math.floor(ms / 1000) % 60, 's']];
  return parts.filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join(' ') || '0s';
}
const start = new Date('2024-12-20T09:30:00Z');
for (const n of [1, 3, 5, 10]) console.log(n, iso(addBusinessDays(start, n)));
for (const s of ['2024-01-01', '2024-12-30', '2021-01-03', '2026-06-15']) console.log(s, isoWeek(new Date(s)));
console.log(duration(93_784_000), duration(59_000), duration(0), duration(DAY * 400));
const fmt = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
console.log(fmt.format(start), '|', start.toLocaleString('en-GB', { timeZone: 'Europe/London' }), '|', start.toString());
console.log(new Date(start.getTime() + 36 * 3_600_000).toLocaleDateString('de-DE', { weekday: 'long', day: '2-digit', month: 'long', year: 'numeric' }));
const months = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2024, i, 1)).toLocaleString('en-US', { month: 'short', timeZone: 'UTC' }));
console.log(months.join(' '), new Date(Date.UTC(2024, 1, 29)).toLocaleDateString('en-US', { timeZone: 'UTC' }));
