const fs = require('fs');
console.log(fs.readFileSync('/mnt/req/d/x.txt', 'utf8'));
try {
  fs.writeFileSync('/mnt/req/d/x.txt', 'changed');
  console.log('wrote');
} catch (e) {
  console.log('read-only:', e.code);
}
try {
  fs.readFileSync('/etc/passwd', 'utf8');
  console.log('host file read');
} catch (e) {
  console.log('no host file:', e.code);
}
