// Input validation with typed rules and regular expressions.
type Rule = { field: string; test: RegExp | ((v: string) => boolean); message: string };
const rules: Rule[] = [
  { field: 'email', test: /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/, message: 'invalid email' },
  { field: 'phone', test: /^\+?\d{1,3}[-. ]?\(?\d{2,4}\)?[-. ]?\d{3,4}[-. ]?\d{3,4}$/, message: 'invalid phone' },
  { field: 'zip', test: /^\d{5}(-\d{4})?$/, message: 'invalid zip' },
  { field: 'date', test: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), message: 'invalid date' },
  { field: 'username', test: /^(?=.{3,16}$)[a-z][a-z0-9_]*$/i, message: 'invalid username' },
];
const forms: Record<string, string>[] = [
  { email: 'ann@example.com', phone: '+1 (555) 123-4567', zip: '12345', date: '2024-02-29', username: 'ann_1' },
  { email: 'bad@', phone: '12', zip: '1234', date: '2024-13-01', username: '1abc' },
  { email: 'x@y.io', phone: '555.123.4567', zip: '12345-6789', date: '2023-02-29', username: 'Zed' },
];
forms.forEach((form, i) => {
  const errors = rules.filter((r) => !(typeof r.test === 'function' ? r.test(form[r.field]) : r.test.test(form[r.field]))).map((r) => `${r.field}: ${r.message}`);
  console.log(i, errors.length === 0 ? 'valid' : errors.join('; '));
});
const template = 'Hello {name}, your order {order.id} ships {order.date}. {missing}';
const ctx = { name: 'Zoë', order: { id: 'A-17', date: 'tomorrow' } };
console.log(template.replace(/\{([\w.]+)\}/g, (m, key: string) => String(key.split('.').reduce<any>((o, k) => o?.[k], ctx) ?? m)));
const slug = (s: string): string => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
console.log(['Héllo, Wörld!', '  TypeScript & Node.js 20  ', 'Ça va? Très bien'].map(slug));
const semver = /^(?<major>0|[1-9]\d*)\.(?<minor>0|[1-9]\d*)\.(?<patch>0|[1-9]\d*)(?:-(?<pre>[\w.-]+))?$/;
console.log(['1.2.3', '10.0.0-beta.1', '01.2.3', '1.2'].map((v) => semver.exec(v)?.groups ?? null));
