// The machine as typed code sees it in the sandbox: neutral values, never the host's.
import * as os from 'os';
const info: Record<string, string | number> = { host: os.hostname(), cpus: os.cpus().length, user: os.userInfo().username, platform: os.platform() };
console.log(info, process.pid, process.version);
