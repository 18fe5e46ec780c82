// util.inspect and util.format with Node's rules (depth 2, compact 3, breakLength 80, 100 array
// items, no colours), so console output reads like Node's. A fragment of the prelude: `global` and
// `corral` come from the wrapper JavaScriptLanguage builds around the parts.
corral.inspect = (function () {
    const customSymbol = Symbol.for('nodejs.util.inspect.custom');
    const kObjectType = 0;
    const kArrayExtrasType = 2;
    const identifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
    const defaults = {
        depth: 2, breakLength: 80, compact: 3, maxArrayLength: 100, maxStringLength: 10000,
        showHidden: false, sorted: false, getters: false,
    };

    function inspect(value, options) {
        const ctx = Object.assign({}, defaults, options || {});
        ctx.seen = [];
        ctx.circular = undefined;
        ctx.indentationLvl = 0;
        ctx.currentDepth = 0;
        return formatValue(ctx, value, 0);
    }
    inspect.custom = customSymbol;
    inspect.defaultOptions = defaults;

    function strEscape(str) {
        let quote = "'";
        if (str.includes("'")) {
            if (!str.includes('"')) {
                quote = '"';
            } else if (!str.includes('`') && !str.includes('${')) {
                quote = '`';
            }
        }
        let out = '';
        for (let i = 0; i < str.length; i++) {
            const ch = str[i];
            const code = str.charCodeAt(i);
            if (ch === quote || ch === '\\') {
                out += '\\' + ch;
            } else if (ch === '\n') {
                out += '\\n';
            } else if (ch === '\t') {
                out += '\\t';
            } else if (ch === '\r') {
                out += '\\r';
            } else if (ch === '\b') {
                out += '\\b';
            } else if (ch === '\f') {
                out += '\\f';
            } else if (ch === '\v') {
                out += '\\v';
            } else if (code < 0x20 || code === 0x7f) {
                out += '\\x' + code.toString(16).toUpperCase().padStart(2, '0');
            } else {
                out += ch;
            }
        }
        return quote + out + quote;
    }

    function formatNumber(n) {
        return Object.is(n, -0) ? '-0' : String(n);
    }

    function formatPrimitive(ctx, value) {
        switch (typeof value) {
            case 'string': {
                let trailer = '';
                if (value.length > ctx.maxStringLength) {
                    const remaining = value.length - ctx.maxStringLength;
                    value = value.slice(0, ctx.maxStringLength);
                    trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
                }
                if (ctx.compact !== true && value.length > 16
                        && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
                    return value.split(/(?<=\n)/).map(strEscape)
                        .join(` +\n${' '.repeat(ctx.indentationLvl + 2)}`) + trailer;
                }
                return strEscape(value) + trailer;
            }
            case 'number': return formatNumber(value);
            case 'bigint': return `${value}n`;
            case 'symbol': return value.toString();
            default: return String(value);
        }
    }

    function constructorName(obj) {
        let proto = obj;
        while (proto !== null && proto !== undefined) {
            const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
            if (desc !== undefined && typeof desc.value === 'function' && desc.value.name !== '') {
                return desc.value.name;
            }
            proto = Object.getPrototypeOf(proto);
        }
        return null;
    }

    function prefix(ctor, tag, fallback, size) {
        if (ctor === null) {
            return `[${fallback}${size || ''}: null prototype] ${tag && tag !== fallback ? `[${tag}] ` : ''}`;
        }
        if (tag !== '' && ctor !== tag) {
            return `${ctor}${size || ''} [${tag}] `;
        }
        return `${ctor}${size || ''} `;
    }

    function formatValue(ctx, value, recurseTimes, typedArray) {
        if (typeof value !== 'object' && typeof value !== 'function') {
            return formatPrimitive(ctx, value);
        }
        if (value === null) {
            return 'null';
        }
        const custom = value[customSymbol];
        if (typeof custom === 'function' && custom !== inspect) {
            const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
            const ret = custom.call(value, depth, Object.assign({}, ctx), inspect);
            if (ret !== value) {
                if (typeof ret !== 'string') {
                    return formatValue(ctx, ret, recurseTimes);
                }
                return ret.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
            }
        }
        if (ctx.seen.includes(value)) {
            let index = 1;
            if (ctx.circular === undefined) {
                ctx.circular = new Map([[value, index]]);
            } else {
                index = ctx.circular.get(value);
                if (index === undefined) {
                    index = ctx.circular.size + 1;
                    ctx.circular.set(value, index);
                }
            }
            return `[Circular *${index}]`;
        }
        return formatRaw(ctx, value, recurseTimes, typedArray);
    }

    function ownKeys(value, dropIndices) {
        let keys = Object.keys(value);
        if (dropIndices) {
            keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
        }
        for (const sym of Object.getOwnPropertySymbols(value)) {
            const desc = Object.getOwnPropertyDescriptor(value, sym);
            if (desc !== undefined && desc.enumerable) {
                keys.push(sym);
            }
        }
        return keys;
    }

    function functionBase(value, ctor, tag) {
        const source = Function.prototype.toString.call(value);
        if (source.startsWith('class') && /^class\s*[\s{A-Za-z_$]/.test(source)) {
            const superclass = Object.getPrototypeOf(value);
            let base = `[class ${value.name || '(anonymous)'}`;
            if (superclass && superclass.name) {
                base += ` extends ${superclass.name}`;
            }
            return base + ']';
        }
        let type = 'Function';
        if (tag === 'AsyncFunction') {
            type = 'AsyncFunction';
        } else if (tag === 'GeneratorFunction') {
            type = 'GeneratorFunction';
        } else if (tag === 'AsyncGeneratorFunction') {
            type = 'AsyncGeneratorFunction';
        }
        let base = `[${type}`;
        if (ctor === null) {
            base += ' (null prototype)';
        }
        base += value.name === '' ? ' (anonymous)' : `: ${value.name}`;
        base += ']';
        if (ctor !== type && ctor !== null && ctor !== 'Function') {
            base += ` ${ctor}`;
        }
        return base;
    }

    function formatError(err, ctx) {
        let stack = typeof err.stack === 'string' && err.stack !== '' ? err.stack : Error.prototype.toString.call(err);
        const head = Error.prototype.toString.call(err);
        if (!stack.includes(head.split('\n')[0]) || !/\n\s+at /.test(stack)) {
            stack = stack.includes('\n    at ') ? stack : `[${head}]`;
        }
        if (ctx.indentationLvl !== 0) {
            stack = stack.replaceAll('\n', `\n${' '.repeat(ctx.indentationLvl)}`);
        }
        return stack;
    }

    function formatRaw(ctx, value, recurseTimes, typedArray) {
        const ctor = constructorName(value);
        let tag = value[Symbol.toStringTag];
        if (typeof tag !== 'string') {
            tag = '';
        }
        let keys;
        let base = '';
        let braces;
        let formatter = formatObjectEntries;
        let extrasType = kObjectType;
        let noIterator = true;

        if (Object.prototype.toString.call(value) === '[object Arguments]') {
            // Node 20 shows an arguments object by its keys
            keys = ownKeys(value, false);
            braces = ['[Arguments] {', '}'];
            if (keys.length === 0) {
                return '[Arguments] {}';
            }
            noIterator = false;
        } else if (Array.isArray(value)) {
            keys = ownKeys(value, true);
            const p = ctor !== 'Array' || tag !== '' ? prefix(ctor, tag, 'Array', `(${value.length})`) : '';
            braces = [`${p}[`, ']'];
            if (value.length === 0 && keys.length === 0) {
                return `${braces[0]}]`;
            }
            extrasType = kArrayExtrasType;
            formatter = formatArray;
            noIterator = false;
        } else if (value instanceof Set) {
            keys = ownKeys(value, false);
            const p = prefix(ctor, tag, 'Set', `(${value.size})`);
            if (value.size === 0 && keys.length === 0) {
                return `${p}{}`;
            }
            braces = [`${p}{`, '}'];
            formatter = formatSet;
            noIterator = false;
        } else if (value instanceof Map) {
            keys = ownKeys(value, false);
            const p = prefix(ctor, tag, 'Map', `(${value.size})`);
            if (value.size === 0 && keys.length === 0) {
                return `${p}{}`;
            }
            braces = [`${p}{`, '}'];
            formatter = formatMap;
            noIterator = false;
        } else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
            keys = ownKeys(value, true);
            const fallback = tag || 'TypedArray';
            const p = prefix(ctor, tag === ctor ? '' : tag, fallback, `(${value.length})`);
            braces = [`${p}[`, ']'];
            if (value.length === 0 && keys.length === 0) {
                return `${braces[0]}]`;
            }
            formatter = formatTypedArray;
            extrasType = kArrayExtrasType;
            noIterator = false;
        }
        if (noIterator) {
            keys = ownKeys(value, false);
            braces = ['{', '}'];
            if (typeof value === 'function') {
                base = functionBase(value, ctor, tag);
                if (keys.length === 0) {
                    return base;
                }
            } else if (value instanceof RegExp) {
                base = RegExp.prototype.toString.call(value);
                if (keys.length === 0) {
                    return base;
                }
            } else if (value instanceof Date) {
                base = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
                if (keys.length === 0) {
                    return base;
                }
            } else if (value instanceof Error) {
                base = formatError(value, ctx);
                keys = keys.filter((k) => k !== 'stack' && k !== 'message');
                if (keys.length === 0) {
                    return base;
                }
            } else if (value instanceof Promise) {
                braces[0] = `${prefix(ctor, tag, 'Promise')}{`;
                formatter = () => ['<unknown>'];
            } else if (value instanceof WeakSet || value instanceof WeakMap) {
                return `${prefix(ctor, tag, value instanceof WeakSet ? 'WeakSet' : 'WeakMap')}{ <items unknown> }`;
            } else if (value instanceof ArrayBuffer) {
                const bytes = new Uint8Array(value);
                const hex = Array.from(bytes.subarray(0, 50), (b) => b.toString(16).padStart(2, '0')).join(' ');
                const more = bytes.length > 50 ? ` ... ${bytes.length - 50} more byte${bytes.length - 50 > 1 ? 's' : ''}` : '';
                braces[0] = `${prefix(ctor, tag, 'ArrayBuffer')}{`;
                formatter = () => [`[Uint8Contents]: <${hex}${more}>`, `byteLength: ${bytes.length}`];
            } else if (value instanceof Number || value instanceof String || value instanceof Boolean
                    || value instanceof BigInt || value instanceof Symbol) {
                const primitive = value.valueOf();
                const type = typeof primitive === 'bigint' ? 'BigInt' : ctor || 'Object';
                base = `[${type}: ${formatPrimitive(Object.assign({}, ctx, { compact: true }), primitive)}]`;
                if (typeof primitive === 'string') {
                    keys = keys.filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
                }
                if (keys.length === 0) {
                    return base;
                }
            } else {
                if (keys.length === 0) {
                    if (ctor === 'Object') {
                        return tag !== '' ? `Object [${tag}] {}` : '{}';
                    }
                    return `${prefix(ctor, tag, 'Object')}{}`;
                }
                if (ctor !== 'Object' || tag !== '') {
                    braces[0] = `${prefix(ctor, tag, 'Object')}{`;
                }
            }
        }

        if (ctx.depth !== null && recurseTimes > ctx.depth) {
            let name = ctor || tag || 'Object';
            if (Array.isArray(value)) {
                name = 'Array';
            }
            return `[${name}]`;
        }
        recurseTimes += 1;
        ctx.seen.push(value);
        ctx.currentDepth = recurseTimes;
        let output = formatter(ctx, value, recurseTimes);
        if (ctx.showHidden && Array.isArray(value)) {
            output.push(`[length]: ${value.length}`);
        }
        for (const key of keys) {
            output.push(formatProperty(ctx, value, recurseTimes, key, extrasType));
        }
        ctx.seen.pop();
        if (ctx.circular !== undefined) {
            const index = ctx.circular.get(value);
            if (index !== undefined) {
                base = base === '' ? `<ref *${index}>` : `<ref *${index}> ${base}`;
            }
        }
        return reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
    }

    function formatObjectEntries() {
        return [];
    }

    function formatArray(ctx, value, recurseTimes) {
        const output = [];
        const length = Math.min(ctx.maxArrayLength, value.length);
        let holes = 0;
        for (let i = 0; i < value.length && output.length < length; i++) {
            if (!Object.prototype.hasOwnProperty.call(value, i)) {
                holes++;
                continue;
            }
            if (holes > 0) {
                output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
                holes = 0;
                if (output.length >= length) {
                    break;
                }
            }
            output.push(formatProperty(ctx, value, recurseTimes, i, kArrayExtrasType));
        }
        if (holes > 0 && output.length < length) {
            output.push(`<${holes} empty item${holes > 1 ? 's' : ''}>`);
        }
        const remaining = value.length - Math.min(value.length, ctx.maxArrayLength);
        if (remaining > 0 && output.length >= length) {
            output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
        }
        return output;
    }

    function formatTypedArray(ctx, value) {
        const length = Math.min(ctx.maxArrayLength, value.length);
        const output = [];
        for (let i = 0; i < length; i++) {
            output.push(typeof value[i] === 'bigint' ? `${value[i]}n` : formatNumber(value[i]));
        }
        if (value.length > length) {
            const remaining = value.length - length;
            output.push(`... ${remaining} more item${remaining > 1 ? 's' : ''}`);
        }
        return output;
    }

    function formatSet(ctx, value, recurseTimes) {
        const output = [];
        ctx.indentationLvl += 2;
        for (const v of value) {
            output.push(formatValue(ctx, v, recurseTimes));
        }
        ctx.indentationLvl -= 2;
        return output;
    }

    function formatMap(ctx, value, recurseTimes) {
        const output = [];
        ctx.indentationLvl += 2;
        for (const [k, v] of value) {
            output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
        }
        ctx.indentationLvl -= 2;
        return output;
    }

    function formatProperty(ctx, value, recurseTimes, key, type) {
        let str;
        const desc = Object.getOwnPropertyDescriptor(value, key) || { value: value[key], enumerable: true };
        if (desc.value !== undefined || !('get' in desc || 'set' in desc)) {
            ctx.indentationLvl += 2;
            str = formatValue(ctx, desc.value, recurseTimes);
            ctx.indentationLvl -= 2;
        } else if (desc.get !== undefined) {
            str = desc.set !== undefined ? '[Getter/Setter]' : '[Getter]';
        } else {
            str = desc.set !== undefined ? '[Setter]' : 'undefined';
        }
        if (type === kArrayExtrasType && typeof key === 'number') {
            return str;
        }
        let name;
        if (typeof key === 'symbol') {
            name = `[${key.toString()}]`;
        } else if (identifier.test(key)) {
            name = key;
        } else {
            name = strEscape(key);
        }
        return `${name}: ${str}`;
    }

    function groupArrayElements(ctx, output, value) {
        let totalLength = 0;
        let maxLength = 0;
        let outputLength = output.length;
        if (ctx.maxArrayLength < output.length) {
            outputLength--;
        } else if (value !== undefined && value.length > ctx.maxArrayLength && outputLength > 0
                && output[outputLength - 1].startsWith('... ')) {
            outputLength--;
        }
        const separatorSpace = 2;
        const dataLen = new Array(outputLength);
        for (let i = 0; i < outputLength; i++) {
            const len = output[i].length;
            dataLen[i] = len;
            totalLength += len + separatorSpace;
            if (maxLength < len) {
                maxLength = len;
            }
        }
        const actualMax = maxLength + separatorSpace;
        if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength
                && (totalLength / actualMax > 5 || maxLength <= 6)) {
            const averageBias = Math.sqrt(actualMax - totalLength / output.length);
            const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
            const columns = Math.min(
                Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
                Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
                ctx.compact * 4,
                15);
            if (columns <= 1) {
                return output;
            }
            const tmp = [];
            const maxLineLength = [];
            for (let i = 0; i < columns; i++) {
                let lineMaxLength = 0;
                for (let j = i; j < output.length; j += columns) {
                    if (dataLen[j] > lineMaxLength) {
                        lineMaxLength = dataLen[j];
                    }
                }
                maxLineLength.push(lineMaxLength + separatorSpace);
            }
            let padStart = true;
            if (value !== undefined) {
                for (let i = 0; i < output.length; i++) {
                    if (typeof value[i] !== 'number' && typeof value[i] !== 'bigint') {
                        padStart = false;
                        break;
                    }
                }
            }
            for (let i = 0; i < outputLength; i += columns) {
                const max = Math.min(i + columns, outputLength);
                let str = '';
                let j = i;
                for (; j < max - 1; j++) {
                    const cell = `${output[j]}, `;
                    str += padStart ? cell.padStart(maxLineLength[j - i], ' ') : cell.padEnd(maxLineLength[j - i], ' ');
                }
                if (padStart) {
                    str += output[j].padStart(maxLineLength[j - i] - separatorSpace, ' ');
                } else {
                    str += output[j];
                }
                tmp.push(str);
            }
            for (let i = outputLength; i < output.length; i++) {
                tmp.push(output[i]);
            }
            output = tmp;
        }
        return output;
    }

    function isBelowBreakLength(ctx, output, start, base) {
        let totalLength = output.length + start;
        if (totalLength + output.length > ctx.breakLength) {
            return false;
        }
        for (let i = 0; i < output.length; i++) {
            totalLength += output[i].length;
            if (totalLength > ctx.breakLength) {
                return false;
            }
        }
        return base === '' || !base.includes('\n');
    }

    function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
        if (ctx.compact !== true) {
            if (typeof ctx.compact === 'number' && ctx.compact >= 1) {
                const entries = output.length;
                if (extrasType === kArrayExtrasType && entries > 6) {
                    output = groupArrayElements(ctx, output, value);
                }
                if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
                    const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
                    if (isBelowBreakLength(ctx, output, start, base)) {
                        const joined = output.join(', ');
                        if (!joined.includes('\n')) {
                            return `${base ? `${base} ` : ''}${braces[0]} ${joined} ${braces[1]}`;
                        }
                    }
                }
            }
            const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
            return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
        }
        if (isBelowBreakLength(ctx, output, 0, base)) {
            return `${braces[0]}${base ? ` ${base}` : ''} ${output.join(', ')} ${braces[1]}`;
        }
        const indentation = `\n${' '.repeat(ctx.indentationLvl)}`;
        return `${base ? `${base} ` : ''}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}${indentation}${braces[1]}`;
    }

    return inspect;
})();

corral.format = (function () {
    const inspect = corral.inspect;

    function hasBuiltInToString(value) {
        let proto = value;
        while (proto !== null) {
            const desc = Object.getOwnPropertyDescriptor(proto, 'toString');
            if (desc !== undefined) {
                return proto === Object.prototype || proto === Error.prototype || proto === Array.prototype
                    || proto === Date.prototype || proto === RegExp.prototype || proto === Function.prototype;
            }
            proto = Object.getPrototypeOf(proto);
        }
        return true;
    }

    function formatNumber(n) {
        return Object.is(n, -0) ? '-0' : String(n);
    }

    // util.format: printf-like %s %d %i %f %j %o %O %c %%, then the remaining arguments inspected
    return function format(...args) {
        const first = args[0];
        let a = 0;
        let str = '';
        let join = '';
        if (typeof first === 'string') {
            if (args.length === 1) {
                return first;
            }
            let lastPos = 0;
            for (let i = 0; i < first.length - 1; i++) {
                if (first.charCodeAt(i) !== 37) {
                    continue;
                }
                const next = first[++i];
                let temp;
                if (a + 1 !== args.length) {
                    switch (next) {
                        case 's': {
                            const arg = args[++a];
                            if (typeof arg === 'number') {
                                temp = formatNumber(arg);
                            } else if (typeof arg === 'bigint') {
                                temp = `${arg}n`;
                            } else if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg)) {
                                temp = String(arg);
                            } else {
                                temp = inspect(arg, { depth: 0, compact: 3 });
                            }
                            break;
                        }
                        case 'j':
                            try {
                                temp = JSON.stringify(args[++a]);
                            } catch (e) {
                                temp = '[Circular]';
                            }
                            break;
                        case 'd': {
                            const arg = args[++a];
                            temp = typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'symbol' ? 'NaN' : formatNumber(Number(arg));
                            break;
                        }
                        case 'O':
                            temp = inspect(args[++a]);
                            break;
                        case 'o':
                            temp = inspect(args[++a], { showHidden: true, depth: 4 });
                            break;
                        case 'i': {
                            const arg = args[++a];
                            temp = typeof arg === 'bigint' ? `${arg}n` : typeof arg === 'symbol' ? 'NaN' : formatNumber(parseInt(arg));
                            break;
                        }
                        case 'f': {
                            const arg = args[++a];
                            temp = typeof arg === 'symbol' ? 'NaN' : formatNumber(parseFloat(arg));
                            break;
                        }
                        case 'c':
                            a++;
                            temp = '';
                            break;
                        case '%':
                            str += first.slice(lastPos, i);
                            lastPos = i + 1;
                            continue;
                        default:
                            continue;
                    }
                    if (lastPos !== i - 1) {
                        str += first.slice(lastPos, i - 1);
                    }
                    str += temp;
                    lastPos = i + 1;
                } else if (next === '%') {
                    str += first.slice(lastPos, i);
                    lastPos = i + 1;
                }
            }
            if (lastPos !== 0) {
                a++;
                join = ' ';
                if (lastPos < first.length) {
                    str += first.slice(lastPos);
                }
            }
        }
        while (a < args.length) {
            const value = args[a];
            str += join;
            str += typeof value !== 'string' ? inspect(value) : value;
            join = ' ';
            a++;
        }
        return str;
    };
})();
