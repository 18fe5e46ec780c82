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

    // console.table, after Node's lib/internal/cli_table.js and console.table
    function stringWidth(text) {
        let width = 0;
        for (const ch of String(text).replace(/\u001b\[[0-9;]*m/g, '')) {
            const cp = ch.codePointAt(0);
            if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfe0f) {
                continue;
            }
            const wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f)
                || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
                || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
                || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
            width += wide ? 2 : 1;
        }
        return width;
    }

    function renderRow(row, widths) {
        let out = '│ ';
        for (let i = 0; i < row.length; i++) {
            out += row[i] + ' '.repeat(widths[i] - stringWidth(row[i]));
            if (i !== row.length - 1) {
                out += ' │ ';
            }
        }
        return `${out} │`;
    }

    function renderTable(head, columns) {
        const rows = [];
        const widths = head.map((h) => stringWidth(h));
        const longest = Math.max(...columns.map((c) => c.length));
        for (let i = 0; i < head.length; i++) {
            for (let j = 0; j < longest; j++) {
                if (rows[j] === undefined) {
                    rows[j] = [];
                }
                const value = rows[j][i] = Object.prototype.hasOwnProperty.call(columns[i], j) ? columns[i][j] : '';
                widths[i] = Math.max(widths[i] || 0, stringWidth(value));
            }
        }
        const divider = widths.map((w) => '─'.repeat(w + 2));
        let result = `┌${divider.join('┬')}┐\n${renderRow(head, widths)}\n├${divider.join('┼')}┤\n`;
        for (const row of rows) {
            result += `${renderRow(row, widths)}\n`;
        }
        return `${result}└${divider.join('┴')}┘`;
    }

    function table(data, properties) {
        const cell = (v) => {
            const depth = v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 2 ? -1 : 0;
            return corral.inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
        };
        const indexes = (length) => Array.from({ length }, (_, i) => cell(i));
        if (data instanceof Map) {
            const keys = [];
            const values = [];
            for (const [k, v] of data) {
                keys.push(cell(k));
                values.push(cell(v));
            }
            return renderTable(['(iteration index)', 'Key', 'Values'], [indexes(keys.length), keys, values]);
        }
        if (data instanceof Set) {
            const values = [...data].map(cell);
            return renderTable(['(iteration index)', 'Values'], [indexes(values.length), values]);
        }
        const map = Object.create(null);
        let hasPrimitives = false;
        const primitives = [];
        const indexKeys = Object.keys(data);
        for (let i = 0; i < indexKeys.length; i++) {
            const item = data[indexKeys[i]];
            const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
            if (properties === undefined && primitive) {
                hasPrimitives = true;
                primitives[i] = cell(item);
            } else {
                for (const key of properties || Object.keys(item)) {
                    if (map[key] === undefined) {
                        map[key] = [];
                    }
                    map[key][i] = (primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)
                        ? '' : cell(item[key]);
                }
            }
        }
        const keys = Object.keys(map);
        const values = Object.values(map);
        if (hasPrimitives) {
            keys.push('Values');
            values.push(primitives);
        }
        keys.unshift('(index)');
        values.unshift(indexKeys);
        return renderTable(keys, values);
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
        table(data, properties) {
            if (properties !== undefined && !Array.isArray(properties)) {
                const err = new TypeError(`The "properties" argument must be an instance of Array. Received ${corral.inspect(properties)}`);
                err.code = 'ERR_INVALID_ARG_TYPE';
                throw err;
            }
            if (data === null || typeof data !== 'object') {
                write(1, [data]);
                return;
            }
            write(1, [table(data, properties)]);
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
