// console, formatted like Node's (util.format/util.inspect) and written straight through the host
// bridge: nothing is buffered in the guest, so output written before a time limit is kept.
(function () {
    let indent = '';
    const counts = new Map();
    const timers = new Map();

    function write(fd, args) {
        let text = corral.format(...args);
        if (indent !== '') {
            text = indent + text.replaceAll('\n', `\n${indent}`);
        }
        corral.host.write(fd, text + '\n');
    }

    const console = {
        log(...args) {
            write(1, args);
        },
        info(...args) {
            write(1, args);
        },
        debug(...args) {
            write(1, args);
        },
        error(...args) {
            write(2, args);
        },
        warn(...args) {
            write(2, args);
        },
        trace(...args) {
            const err = new Error(corral.format(...args));
            err.name = 'Trace';
            write(2, [err.stack]);
        },
        dir(value, options) {
            write(1, [corral.inspect(value, options)]);
        },
        dirxml(...args) {
            write(1, args);
        },
        table(data) {
            write(1, [data]);
        },
        assert(condition, ...args) {
            if (!condition) {
                if (typeof args[0] === 'string') {
                    args[0] = `Assertion failed: ${args[0]}`;
                } else {
                    args.unshift('Assertion failed');
                }
                write(2, args);
            }
        },
        count(label = 'default') {
            const n = (counts.get(String(label)) || 0) + 1;
            counts.set(String(label), n);
            write(1, [`${label}: ${n}`]);
        },
        countReset(label = 'default') {
            counts.delete(String(label));
        },
        group(...args) {
            if (args.length > 0) {
                write(1, args);
            }
            indent += '  ';
        },
        groupCollapsed(...args) {
            console.group(...args);
        },
        groupEnd() {
            indent = indent.slice(0, Math.max(0, indent.length - 2));
        },
        time(label = 'default') {
            timers.set(String(label), corral.host.clock());
        },
        timeEnd(label = 'default') {
            console.timeLog(label);
            timers.delete(String(label));
        },
        timeLog(label = 'default', ...data) {
            const start = timers.get(String(label));
            if (start === undefined) {
                corral.process.emitWarning(`No such label '${label}' for console.timeLog()`);
                return;
            }
            const ms = (corral.host.clock() - start) / 1e6;
            const shown = ms >= 1000 ? `${(ms / 1000).toFixed(3)}s` : `${ms.toFixed(3)}ms`;
            write(1, [`${label}: ${shown}`, ...data]);
        },
        clear() {
        },
    };
    Object.defineProperty(global, 'console', { value: console, writable: true, configurable: true });
})();
