// Dates: UTC arithmetic, ISO strings, Date#toString in UTC, and Intl formatting as Node prints it.
const d = new Date(Date.UTC(2024, 0, 31, 23, 59, 30, 250));
console.log(d.toISOString(), d.getTime(), d.valueOf() === +d, JSON.stringify({ d }));
console.log(d.toString());
console.log(d.toUTCString(), '|', d.toDateString(), '|', d.toTimeString());
console.log(String(new Date(0)), `${new Date(86400000)}`);
const next = new Date(d); next.setUTCMonth(next.getUTCMonth() + 1); console.log(next.toISOString());
console.log(new Date('2024-02-29').getUTCDay(), new Date('2024-02-30').getTime(), new Date('invalid').toString());
console.log(Date.parse('2024-03-10T12:00:00+02:00'), new Date(2020, 11, 31, 12).toISOString());
const days = (a, b) => Math.round((b - a) / 86400000);
console.log(days(new Date('2024-01-01'), new Date('2024-12-25')));
for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'ja-JP', 'es-ES']) {
  console.log(locale, '|', d.toLocaleDateString(locale), '|', d.toLocaleTimeString(locale), '|', d.toLocaleString(locale));
}
console.log(new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(d));
console.log(new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(d));
console.log(new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' }).format(d));
console.log(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', timeZoneName: 'short', hour: 'numeric' }).format(d));
console.log(d.toLocaleString('en-US', { timeZone: 'Europe/Berlin' }), d.toLocaleString('en-US', { hour12: false }));
console.log(Intl.DateTimeFormat().resolvedOptions().timeZone, d.getTimezoneOffset(), new Date(2024, 6, 1).getHours());
const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
console.log(rtf.format(-1, 'day'), rtf.format(2, 'week'), rtf.format(0, 'year'));
