// Unicode handling: code points, normalization, case mapping, collation, UTF-8 byte counts.
const words = ['résumé', 'Zoë', 'naïve', 'Ångström', 'straße', 'ǅemal', '東京', '😀 smile', 'e\u0301'];
for (const w of words) {
  console.log(JSON.stringify(w), w.length, [...w].length, w.toUpperCase(), w.toLowerCase(),
    w.normalize('NFC').length, w.normalize('NFD').length, Buffer.byteLength(w));
}
console.log([...words].sort().join('|'));
console.log([...words].sort((a, b) => a.localeCompare(b)).join('|'));
console.log([...words].sort(new Intl.Collator('de').compare).join('|'));
console.log('\u00e9' === 'e\u0301', '\u00e9' === 'e\u0301'.normalize(), 'ﬁ'.normalize('NFKC'));
console.log('🇫🇷'.length, String.fromCodePoint(0x1f600), '😀'.codePointAt(0).toString(16), '😀'.charCodeAt(1));
console.log(encodeURIComponent('a b/é?😀'), decodeURIComponent('%E2%82%AC'), escape('é'));
console.log('İ'.toLowerCase().length, 'ß'.toUpperCase(), 'ΣΑΣ'.toLowerCase());
console.log('abc'.at(-1), 'x'.repeat(3), '  pad '.trim(), 'a-b_c d'.split(/[-_ ]/));
console.log(JSON.stringify('\u2028\u2029\ud800'), 'lone \ud800'.isWellFormed(), 'tab\there');
