// What the sandbox tells about the machine: neutral values, never the host's.
const os = require('os');
console.log(os.hostname(), os.cpus().length, os.userInfo().username, os.homedir(), os.totalmem() > 0);
console.log(process.pid, process.version, process.execPath, process.memoryUsage().rss >= 0);
const fs = require('fs');
console.log(fs.existsSync('/etc/passwd'), fs.existsSync('/tmp'), typeof process.getuid);
