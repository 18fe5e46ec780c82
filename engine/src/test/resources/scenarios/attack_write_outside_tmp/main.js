const fs = require('fs');
const attempts = [
  ['overwrite input', () => fs.writeFileSync('/mnt/req/in.txt', 'changed')],
  ['append input', () => fs.appendFileSync('/mnt/req/in.txt', 'changed')],
  ['remove input', () => fs.unlinkSync('/mnt/req/in.txt')],
  ['create at root', () => fs.writeFileSync('/etc_x', 'x')],
  ['mkdir at root', () => fs.mkdirSync('/x')],
];
for (const [what, attempt] of attempts) {
  try {
    attempt();
    console.log('reached', what);
  } catch (e) {
    console.log('refused', what, e.code);
  }
}
console.log('input', fs.readFileSync('/mnt/req/in.txt', 'utf8'));
fs.writeFileSync('/tmp/ok.txt', 'ok');
console.log('tmp', fs.readFileSync('/tmp/ok.txt', 'utf8'));
console.log('after');
