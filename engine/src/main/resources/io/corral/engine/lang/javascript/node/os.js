// The `os` module: the sandbox's own neutral answers, never the host's (docs/security.md: no host
// introspection). A Linux machine named `localhost`, one CPU, user `user` with home `/tmp`.
'use strict';

function unavailable(name) {
    return function () {
        const err = new Error(`os.${name} is not available in this sandbox`);
        err.code = 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM';
        throw err;
    };
}

module.exports = {
    EOL: '\n',
    devNull: '/dev/null',
    arch: () => 'x64',
    machine: () => 'x86_64',
    platform: () => 'linux',
    type: () => 'Linux',
    release: () => '6.1.0',
    version: () => '#1 SMP',
    hostname: () => 'localhost',
    homedir: () => '/tmp',
    tmpdir: () => '/tmp',
    endianness: () => 'LE',
    uptime: () => Math.floor(process.uptime()),
    loadavg: () => [0, 0, 0],
    totalmem: () => 2 ** 30,
    freemem: () => 2 ** 29,
    availableParallelism: () => 1,
    cpus: () => [{ model: 'cpu', speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } }],
    networkInterfaces: () => ({}),
    userInfo: () => ({ uid: 1000, gid: 1000, username: 'user', homedir: '/tmp', shell: null }),
    getPriority: () => 0,
    setPriority: unavailable('setPriority'),
    constants: {
        signals: { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 },
        errno: { ENOENT: 2, EACCES: 13, EEXIST: 17, EISDIR: 21, EINVAL: 22, EROFS: 30 },
        priority: { PRIORITY_LOW: 19, PRIORITY_NORMAL: 0, PRIORITY_HIGH: -7 },
    },
};
