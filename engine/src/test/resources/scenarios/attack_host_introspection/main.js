console.log('env', JSON.stringify(process.env), 'argv', JSON.stringify(process.argv));
console.log('pid', process.pid, process.ppid, process.execPath, process.cwd());
console.log('java', typeof Java, 'graal', typeof Graal === 'object' ? Object.keys(Graal).join(',') : typeof Graal);
console.log('tz', Intl.DateTimeFormat().resolvedOptions().timeZone);
console.log('after');
