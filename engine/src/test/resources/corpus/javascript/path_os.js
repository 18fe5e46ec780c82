// The path module (POSIX, as on Linux) and the os constants tools rely on.
const path = require('path');
const os = require('os');
const files = ['/var/log/app.log', 'src/index.test.ts', '.env', 'archive.tar.gz', '/a/b/', 'noext', '../up/../x/./y.md'];
for (const f of files) {
  console.log(JSON.stringify(f), path.basename(f), path.extname(f), path.dirname(f), path.normalize(f), path.isAbsolute(f));
}
console.log(path.join('/a', 'b', '../c', './d'), path.join(''), path.join('a', '', 'b/'), path.resolve('/root', 'x', '../y'), path.resolve('/a', '/b'));
console.log(path.relative('/data/orders/2024', '/data/invoices/2024/jan'), path.relative('/a', '/a'), path.relative('/a/b', '/a'));
console.log(path.parse('/home/user/report.final.pdf'), path.format({ root: '/', dir: '/tmp', name: 'out', ext: '.csv' }));
console.log(path.sep, path.delimiter, path.posix === path, path.basename('/x/y.txt', '.txt'), path.basename('y.txt', 'txt'));
console.log(path.normalize('/../a//b/./c/..'), path.join('a', '..', '..', 'b'), path.extname('.bashrc'), path.extname('a.'));
console.log(os.EOL === '\n', os.platform(), os.type(), os.endianness(), typeof os.tmpdir(), typeof os.hostname(), Array.isArray(os.cpus()));
console.log(['b/2.txt', 'a/10.txt', 'a/2.txt'].sort((x, y) => x.localeCompare(y, undefined, { numeric: true })).map((p) => path.join('/root', p)));
