const fs = require('fs');
console.log('left over:', fs.existsSync('/tmp/scratch.txt') ? 'True' : 'False');
fs.writeFileSync('/tmp/scratch.txt', 'scratch');
console.log(fs.readFileSync('/tmp/scratch.txt', 'utf8'));
