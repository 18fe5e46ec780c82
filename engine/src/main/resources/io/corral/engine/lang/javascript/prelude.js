// The last part of the prelude: the function the host calls to bind one execution (host bridge,
// script path, argv, environment, stdin, the loader of built-in modules) and the hooks it calls
// around the user's code.
corral.finish = function finish() {
    const process = corral.process;
    let code = process.exitCode === undefined ? 0 : (Number(process.exitCode) | 0);
    if (!corral.state.exiting) {
        corral.state.exiting = true;
        try {
            process.emit('exit', code);
        } finally {
            code = process.exitCode === undefined ? code : (Number(process.exitCode) | 0);
        }
    }
    return code & 0xff;
};

corral.bind = function bind(bridge, path, argvJson, envJson, stdin, loadModule) {
    corral.host = bridge;
    corral.loadModule = loadModule;
    corral.state.stdin = stdin;
    corral.process.argv = ['/usr/local/bin/node', path].concat(JSON.parse(argvJson));
    corral.process.env = JSON.parse(envJson);
    corral.module.filename = path;
    return corral;
};

// A warm instance's next call of its function: the new execution's bridge and environment. What
// the last call's event loop left (timers, immediates, ticks) is dropped: in a fresh context it
// would never have run either.
corral.rebind = function rebind(bridge, envJson) {
    corral.host = bridge;
    corral.process.env = JSON.parse(envJson);
    corral.loop.reset();
    return corral;
};
