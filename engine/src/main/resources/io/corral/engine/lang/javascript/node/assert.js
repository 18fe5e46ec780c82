// The `assert` module: Node's assertions and comparison rules (strict and loose deep equality),
// AssertionError with Node's fields (code ERR_ASSERTION, actual, expected, operator) and messages
// in Node's shape; deep-equality diffs list every line of both values (Node elides long runs).
'use strict';

function inspectBlock(value) {
    return block(value, 0, new Set());
}

// a multi-line rendering like Node's assertion messages (util.inspect with compact: false, sorted)
function block(value, level, seen) {
    const pad = '  '.repeat(level + 1);
    const end = '  '.repeat(level);
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
        return corral.inspect(value);
    }
    if (typeof value === 'function' || value instanceof Date || value instanceof RegExp || value instanceof Error) {
        return corral.inspect(value);
    }
    if (seen.has(value)) {
        return '[Circular *1]';
    }
    seen.add(value);
    try {
        if (Array.isArray(value)) {
            if (value.length === 0) {
                return '[]';
            }
            return `[\n${value.map((v) => pad + block(v, level + 1, seen)).join(',\n')}\n${end}]`;
        }
        if (value instanceof Map) {
            const items = [...value].map(([k, v]) => `${pad}${block(k, level + 1, seen)} => ${block(v, level + 1, seen)}`);
            return items.length === 0 ? 'Map(0) {}' : `Map(${value.size}) {\n${items.join(',\n')}\n${end}}`;
        }
        if (value instanceof Set) {
            const items = [...value].map((v) => pad + block(v, level + 1, seen));
            return items.length === 0 ? 'Set(0) {}' : `Set(${value.size}) {\n${items.join(',\n')}\n${end}}`;
        }
        if (ArrayBuffer.isView(value)) {
            return corral.inspect(value);
        }
        const keys = Object.keys(value).sort();
        const proto = Object.getPrototypeOf(value);
        const name = proto === null ? '[Object: null prototype] ' : proto === Object.prototype ? ''
            : `${(proto.constructor && proto.constructor.name) || 'Object'} `;
        if (keys.length === 0) {
            return `${name}{}`;
        }
        const items = keys.map((k) => `${pad}${/^[A-Za-z_$][\w$]*$/.test(k) ? k : corral.inspect(k)}: ${block(value[k], level + 1, seen)}`);
        return `${name}{\n${items.join(',\n')}\n${end}}`;
    } finally {
        seen.delete(value);
    }
}

// Node's "+ actual - expected" listing: lines of both renderings, common ones once
function diff(actual, expected) {
    const a = inspectBlock(actual).split('\n');
    const b = inspectBlock(expected).split('\n');
    // lines that differ only by a trailing comma (the last item of a list) are the same line
    const same = (x, y) => x === y || x.replace(/,$/, '') === y.replace(/,$/, '');
    const n = a.length;
    const m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
        for (let j = m - 1; j >= 0; j--) {
            lcs[i][j] = same(a[i], b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    const out = [];
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && same(a[i], b[j])) {
            out.push(`  ${a[i].endsWith(',') ? a[i] : b[j]}`);
            i++;
            j++;
        } else if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
            out.push(`+ ${a[i]}`);
            i++;
        } else {
            out.push(`- ${b[j]}`);
            j++;
        }
    }
    return out.join('\n');
}

class AssertionError extends Error {
    constructor(options) {
        const opts = options || {};
        super(opts.message === undefined ? 'Failed' : String(opts.message));
        this.generatedMessage = opts.generatedMessage === undefined ? opts.message === undefined : opts.generatedMessage;
        this.code = 'ERR_ASSERTION';
        this.actual = opts.actual;
        this.expected = opts.expected;
        this.operator = opts.operator;
    }

    get name() {
        return 'AssertionError';
    }

    toString() {
        return `AssertionError [ERR_ASSERTION]: ${this.message}`;
    }
}

function fail(actual, expected, operator, message, generated) {
    if (message instanceof Error) {
        throw message;
    }
    throw new AssertionError({
        message: message === undefined ? generated : message,
        generatedMessage: message === undefined,
        actual, expected, operator,
    });
}

function isDeepEqual(a, b, strict, memo) {
    if (strict ? Object.is(a, b) : (a == b || (a !== a && b !== b))) { // eslint-disable-line eqeqeq
        return true;
    }
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
        return false;
    }
    if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
        return false;
    }
    const tag = Object.prototype.toString.call(a);
    if (tag !== Object.prototype.toString.call(b)) {
        return false;
    }
    if (Array.isArray(a) !== Array.isArray(b)) {
        return false;
    }
    memo = memo || new Map();
    if (memo.get(a) === b) {
        return true;
    }
    memo.set(a, b);
    if (a instanceof Date) {
        if (a.getTime() !== b.getTime()) {
            return false;
        }
    } else if (a instanceof RegExp) {
        if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) {
            return false;
        }
    } else if (a instanceof Error) {
        if (a.message !== b.message || a.name !== b.name) {
            return false;
        }
    } else if (ArrayBuffer.isView(a)) {
        if (a.byteLength !== b.byteLength) {
            return false;
        }
        const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
        for (let i = 0; i < x.length; i++) {
            if (x[i] !== y[i]) {
                return false;
            }
        }
    } else if (a instanceof Number || a instanceof String || a instanceof Boolean || a instanceof BigInt) {
        if (!Object.is(a.valueOf(), b.valueOf())) {
            return false;
        }
    }
    if (a instanceof Map) {
        if (a.size !== b.size) {
            return false;
        }
        for (const [k, v] of a) {
            if (b.has(k)) {
                if (!isDeepEqual(v, b.get(k), strict, memo)) {
                    return false;
                }
            } else {
                let found = false;
                for (const [k2, v2] of b) {
                    if (isDeepEqual(k, k2, strict, memo) && isDeepEqual(v, v2, strict, memo)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    return false;
                }
            }
        }
    } else if (a instanceof Set) {
        if (a.size !== b.size) {
            return false;
        }
        for (const v of a) {
            if (!b.has(v) && ![...b].some((w) => isDeepEqual(v, w, strict, memo))) {
                return false;
            }
        }
    }
    const own = (o) => Object.keys(o).concat(strict ? Object.getOwnPropertySymbols(o)
        .filter((s) => Object.prototype.propertyIsEnumerable.call(o, s)) : []);
    const ka = own(a);
    const kb = own(b);
    if (ka.length !== kb.length) {
        return false;
    }
    for (const k of ka) {
        if (!Object.prototype.hasOwnProperty.call(b, k) || !isDeepEqual(a[k], b[k], strict, memo)) {
            return false;
        }
    }
    return true;
}

function isPrimitive(v) {
    return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

function ok(value, message) {
    if (arguments.length === 0) {
        fail(undefined, true, '==', undefined, 'No value argument passed to `assert.ok()`');
    }
    if (!value) {
        fail(value, true, '==', message,
            `The expression evaluated to a falsy value:\n\n  assert.ok(${corral.inspect(value)})\n`);
    }
}

function strictEqual(actual, expected, message) {
    if (Object.is(actual, expected)) {
        return;
    }
    let generated;
    if (isPrimitive(actual) && isPrimitive(expected)) {
        const line = `${corral.inspect(actual)} !== ${corral.inspect(expected)}\n`;
        generated = `Expected values to be strictly equal:\n\n${line}`;
        if (message !== undefined && !(message instanceof Error)) {
            message = `${message}\n\n${line}`;
        }
    } else if (isDeepEqual(actual, expected, true)) {
        generated = `Values have same structure but are not reference-equal:\n\n${inspectBlock(actual)}\n`;
    } else {
        generated = `Expected values to be strictly equal:\n+ actual - expected\n\n${diff(actual, expected)}`;
    }
    fail(actual, expected, 'strictEqual', message, generated);
}

function deepStrictEqual(actual, expected, message) {
    if (!isDeepEqual(actual, expected, true)) {
        const generated = isPrimitive(actual) && isPrimitive(expected)
            ? `Expected values to be strictly deep-equal:\n\n${corral.inspect(actual)} !== ${corral.inspect(expected)}\n`
            : `Expected values to be strictly deep-equal:\n+ actual - expected\n\n${diff(actual, expected)}`;
        fail(actual, expected, 'deepStrictEqual', message, generated);
    }
}

function errorMatches(err, expected, fnName) {
    if (expected === undefined) {
        return;
    }
    if (typeof expected === 'function') {
        if (expected.prototype !== undefined && err instanceof expected) {
            return;
        }
        if (Error.isPrototypeOf(expected) || expected === Error) {
            throw err;
        }
        if (expected.call({}, err) === true) {
            return;
        }
        fail(err, expected, fnName, undefined, `The ${fnName === 'rejects' ? 'rejection' : 'error'} validation function is expected to return "true". Received false`);
    }
    if (expected instanceof RegExp) {
        if (expected.test(String(err))) {
            return;
        }
        fail(err, expected, fnName, undefined, `The input did not match the regular expression ${expected}. Input:\n\n${corral.inspect(String(err))}\n`);
    }
    if (typeof expected === 'object' && expected !== null) {
        for (const key of Object.keys(expected)) {
            const want = expected[key];
            const have = err === null || err === undefined ? undefined : err[key];
            if (want instanceof RegExp && typeof have === 'string' ? !want.test(have) : !isDeepEqual(have, want, true)) {
                fail(err, expected, fnName, undefined,
                    `Expected values to be strictly deep-equal:\n+ actual - expected\n\n  Comparison {\n+   ${key}: ${corral.inspect(have)}\n-   ${key}: ${corral.inspect(want)}\n  }`);
            }
        }
    }
}

function missing(expected, message, fnName, what) {
    const name = typeof expected === 'function' && expected.name ? ` (${expected.name})` : '';
    const suffix = typeof message === 'string' ? `: ${message}` : typeof expected === 'string' ? `: ${expected}` : '.';
    // Node marks this message as not generated
    throw new AssertionError({ message: `Missing expected ${what}${name}${suffix}`, generatedMessage: false,
        actual: undefined, expected, operator: fnName });
}

const assert = function assert(value, message) {
    ok.apply(null, arguments.length === 0 ? [] : [value, message]);
};

Object.assign(assert, {
    AssertionError,
    ok,
    fail(message) {
        if (message instanceof Error) {
            throw message;
        }
        throw new AssertionError({ message: message === undefined ? 'Failed' : message, operator: 'fail', generatedMessage: message === undefined });
    },
    equal(actual, expected, message) {
        if (!(actual == expected || (actual !== actual && expected !== expected))) { // eslint-disable-line eqeqeq
            fail(actual, expected, '==', message, `${corral.inspect(actual)} == ${corral.inspect(expected)}`);
        }
    },
    notEqual(actual, expected, message) {
        if (actual == expected || (actual !== actual && expected !== expected)) { // eslint-disable-line eqeqeq
            fail(actual, expected, '!=', message, `${corral.inspect(actual)} != ${corral.inspect(expected)}`);
        }
    },
    strictEqual,
    notStrictEqual(actual, expected, message) {
        if (Object.is(actual, expected)) {
            fail(actual, expected, 'notStrictEqual', message,
                `Expected "actual" to be strictly unequal to: ${corral.inspect(expected)}`);
        }
    },
    deepEqual(actual, expected, message) {
        if (!isDeepEqual(actual, expected, false)) {
            fail(actual, expected, 'deepEqual', message,
                `Expected values to be loosely deep-equal:\n\n${inspectBlock(actual)}\n\nshould loosely deep-equal\n\n${inspectBlock(expected)}`);
        }
    },
    notDeepEqual(actual, expected, message) {
        if (isDeepEqual(actual, expected, false)) {
            fail(actual, expected, 'notDeepEqual', message,
                `Expected "actual" not to be loosely deep-equal to:\n\n${inspectBlock(expected)}\n`);
        }
    },
    deepStrictEqual,
    notDeepStrictEqual(actual, expected, message) {
        if (isDeepEqual(actual, expected, true)) {
            fail(actual, expected, 'notDeepStrictEqual', message,
                `Expected "actual" not to be strictly deep-equal to:\n\n${inspectBlock(expected)}\n`);
        }
    },
    throws(fn, expected, message) {
        if (typeof fn !== 'function') {
            const err = new TypeError(`The "fn" argument must be of type function. Received ${corral.inspect(fn)}`);
            err.code = 'ERR_INVALID_ARG_TYPE';
            throw err;
        }
        try {
            fn();
        } catch (err) {
            errorMatches(err, typeof expected === 'string' ? undefined : expected, 'throws');
            return;
        }
        missing(expected, message, 'throws', 'exception');
    },
    doesNotThrow(fn, expected, message) {
        try {
            fn();
        } catch (err) {
            const msg = typeof expected === 'string' ? expected : message;
            fail(err, expected, 'doesNotThrow', undefined,
                `Got unwanted exception${msg ? `: ${msg}` : '.'}\nActual message: "${err && err.message}"`);
        }
    },
    async rejects(promiseFn, expected, message) {
        const promise = typeof promiseFn === 'function' ? promiseFn() : promiseFn;
        try {
            await promise;
        } catch (err) {
            errorMatches(err, typeof expected === 'string' ? undefined : expected, 'rejects');
            return;
        }
        missing(expected, message, 'rejects', 'rejection');
    },
    async doesNotReject(promiseFn, expected, message) {
        const promise = typeof promiseFn === 'function' ? promiseFn() : promiseFn;
        try {
            await promise;
        } catch (err) {
            const msg = typeof expected === 'string' ? expected : message;
            fail(err, expected, 'doesNotReject', undefined,
                `Got unwanted rejection${msg ? `: ${msg}` : '.'}\nActual message: "${err && err.message}"`);
        }
    },
    match(string, regexp, message) {
        if (typeof string !== 'string' || !regexp.test(string)) {
            fail(string, regexp, 'match', message, typeof string !== 'string'
                ? `The "string" argument must be of type string. Received type ${typeof string} (${corral.inspect(string)})`
                : `The input did not match the regular expression ${regexp}. Input:\n\n${corral.inspect(string)}\n`);
        }
    },
    doesNotMatch(string, regexp, message) {
        if (typeof string === 'string' && regexp.test(string)) {
            fail(string, regexp, 'doesNotMatch', message,
                `The input was expected to not match the regular expression ${regexp}. Input:\n\n${corral.inspect(string)}\n`);
        }
    },
    ifError(value) {
        if (value !== null && value !== undefined) {
            let message = 'ifError got unwanted exception: ';
            message += typeof value === 'object' && typeof value.message === 'string'
                ? (value.message.length === 0 && value.constructor ? value.constructor.name : value.message)
                : corral.inspect(value);
            throw new AssertionError({ message, actual: value, expected: null, operator: 'ifError', generatedMessage: false });
        }
    },
});

const strict = function strict(value, message) {
    ok.apply(null, arguments.length === 0 ? [] : [value, message]);
};
Object.assign(strict, assert, {
    equal: assert.strictEqual,
    notEqual: assert.notStrictEqual,
    deepEqual: assert.deepStrictEqual,
    notDeepEqual: assert.notDeepStrictEqual,
});
strict.strict = strict;
assert.strict = strict;
corral.isDeepStrictEqual = (a, b) => isDeepEqual(a, b, true);

module.exports = assert;
