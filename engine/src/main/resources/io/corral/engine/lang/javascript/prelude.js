// Corral's JavaScript prelude: evaluated once in every fresh context, before an execution is
// bound. It defines the Node-like globals scripts expect and returns the function that binds one
// execution (host bridge, script path, argv, environment, stdin) into them.
(function (global) {
    'use strict';
    let host = null;
    let stdinText = '';

    const process = {
        argv: [],
        env: {},
        exitCode: undefined,
        platform: 'linux',
        exit(code) {
            const status = code === undefined ? (process.exitCode || 0) : (Number(code) | 0);
            host.exit(status);
        },
        stdout: { write(chunk) { host.write(1, String(chunk)); return true; } },
        stderr: { write(chunk) { host.write(2, String(chunk)); return true; } },
    };
    Object.defineProperty(global, 'process', { value: process, writable: true, configurable: true });

    const fs = {
        readFileSync(file, options) {
            if (file === 0 || file === '/dev/stdin') {
                return stdinText;
            }
            const err = new Error(`ENOENT: no such file or directory, open '${file}'`);
            err.code = 'ENOENT';
            throw err;
        },
    };
    const builtins = { fs, 'node:fs': fs };
    Object.defineProperty(global, 'require', {
        value: function require(name) {
            if (Object.prototype.hasOwnProperty.call(builtins, name)) {
                return builtins[name];
            }
            const err = new Error(`Cannot find module '${name}'`);
            err.code = 'MODULE_NOT_FOUND';
            throw err;
        },
        writable: true, configurable: true,
    });

    Object.defineProperty(global, '__corral_finish', {
        value: function () {
            const code = process.exitCode;
            if (code !== undefined && (Number(code) | 0) !== 0) {
                host.exit(Number(code) | 0);
            }
        },
    });

    return function bind(bridge, path, argvJson, envJson, stdin) {
        host = bridge;
        stdinText = stdin;
        process.argv = ['/usr/local/bin/node', path].concat(JSON.parse(argvJson));
        process.env = JSON.parse(envJson);
    };
})(globalThis);
