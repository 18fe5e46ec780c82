// Two regular expressions over 1 MB of text.
const parts = [];
for (let i = 0; i < 20000; i++) {
  parts.push(`word${i} user${i}@example.com 555-${String(i % 10000).padStart(4, '0')} lorem ipsum; `);
}
const text = parts.join('');
const emails = text.match(/[a-z0-9]+@[a-z]+\.com/g);
const phones = text.match(/\b\d{3}-\d{4}\b/g);
console.log(text.length, emails.length, phones.length);
