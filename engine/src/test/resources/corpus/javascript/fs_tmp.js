// Files in /tmp: write, append, read back (text and bytes), list, stat, remove.
const fs = require('fs');
const path = require('path');
const dir = '/tmp/corral-corpus-fs-tmp';
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
fs.writeFileSync(path.join(dir, 'a.txt'), 'line one\n');
fs.appendFileSync(path.join(dir, 'a.txt'), 'line two: é\n');
fs.writeFileSync(path.join(dir, 'sub', 'data.bin'), Buffer.from([0, 1, 2, 253, 254, 255]));
fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ ok: true }));
console.log(fs.readdirSync(dir).sort(), fs.readdirSync(dir, { withFileTypes: true }).map((d) => `${d.name}:${d.isDirectory() ? 'dir' : 'file'}`).sort());
console.log(JSON.stringify(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8')), fs.readFileSync(path.join(dir, 'a.txt')).length);
const bin = fs.readFileSync(path.join(dir, 'sub', 'data.bin'));
console.log(bin, Buffer.isBuffer(bin), fs.readFileSync(path.join(dir, 'sub', 'data.bin'), 'hex'), fs.readFileSync(path.join(dir, 'sub', 'data.bin'), 'base64'));
console.log(JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')));
const st = fs.statSync(path.join(dir, 'a.txt'));
console.log(st.size, st.isFile(), st.isDirectory(), fs.statSync(dir).isDirectory(), st.mtime instanceof Date);
console.log(fs.existsSync(path.join(dir, 'a.txt')), fs.existsSync(path.join(dir, 'missing')), fs.statSync(path.join(dir, 'missing'), { throwIfNoEntry: false }));
try { fs.readFileSync(path.join(dir, 'missing.txt')); } catch (e) { console.log(e.code, e.syscall, e.errno); }
try { fs.mkdirSync(dir); } catch (e) { console.log(e.code); }
fs.copyFileSync(path.join(dir, 'a.txt'), path.join(dir, 'c.txt'));
fs.renameSync(path.join(dir, 'c.txt'), path.join(dir, 'd.txt'));
fs.unlinkSync(path.join(dir, 'b.json'));
console.log(fs.readdirSync(dir).sort());
fs.promises.readFile(path.join(dir, 'd.txt'), 'utf8').then((t) => {
  console.log('promise read', t.split('\n').length);
  fs.readFile(path.join(dir, 'nope'), (err) => {
    console.log('callback error', err.code);
    fs.rmSync(dir, { recursive: true });
    console.log('cleaned', fs.existsSync(dir));
  });
});
