// The `querystring` module, after Node's lib/querystring.js: parse gives an object without a
// prototype, repeated keys become arrays, '+' is a space, malformed escapes are kept as they are.
'use strict';

function qsEscape(str) {
    if (typeof str !== 'string') {
        if (typeof str === 'object') {
            str = String(str);
        } else {
            str += '';
        }
    }
    return encodeURIComponent(str);
}

// decodes what decodes and keeps the rest, byte by byte, as Node's unescapeBuffer does
function unescapeBuffer(s) {
    const bytes = [];
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x25 && i + 2 < s.length && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
            bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
            i += 2;
        } else {
            for (const b of new TextEncoder().encode(s[i] + (c >= 0xd800 && c <= 0xdbff ? s[++i] || '' : ''))) {
                bytes.push(b);
            }
        }
    }
    return new TextDecoder().decode(new Uint8Array(bytes));
}

function qsUnescape(s, decodeSpaces) {
    try {
        return decodeURIComponent(s);
    } catch (e) {
        return unescapeBuffer(s, decodeSpaces);
    }
}

function stringifyPrimitive(v) {
    if (typeof v === 'string') {
        return v;
    }
    if (typeof v === 'number' && Number.isFinite(v)) {
        return `${v}`;
    }
    if (typeof v === 'bigint') {
        return `${v}`;
    }
    if (typeof v === 'boolean') {
        return v ? 'true' : 'false';
    }
    return '';
}

function stringify(obj, sep, eq, options) {
    sep = sep || '&';
    eq = eq || '=';
    const encode = options && typeof options.encodeURIComponent === 'function'
        ? options.encodeURIComponent : module.exports.escape;
    const convert = (v) => encode(stringifyPrimitive(v));
    if (obj !== null && typeof obj === 'object') {
        const fields = [];
        for (const k of Object.keys(obj)) {
            const v = obj[k];
            const ks = convert(k) + eq;
            if (Array.isArray(v)) {
                for (const item of v) {
                    fields.push(ks + convert(item));
                }
            } else {
                fields.push(ks + convert(v));
            }
        }
        return fields.join(sep);
    }
    return '';
}

function parse(qs, sep, eq, options) {
    const obj = Object.create(null);
    if (typeof qs !== 'string' || qs.length === 0) {
        return obj;
    }
    sep = sep ? String(sep) : '&';
    eq = eq ? String(eq) : '=';
    let maxKeys = 1000;
    if (options && typeof options.maxKeys === 'number') {
        maxKeys = options.maxKeys;
    }
    const decode = options && typeof options.decodeURIComponent === 'function'
        ? options.decodeURIComponent : module.exports.unescape;
    let parts = qs.split(sep);
    if (maxKeys > 0 && parts.length > maxKeys) {
        parts = parts.slice(0, maxKeys);
    }
    for (const part of parts) {
        if (part.length === 0) {
            continue;
        }
        const idx = part.indexOf(eq);
        const rawKey = idx >= 0 ? part.slice(0, idx) : part;
        const rawValue = idx >= 0 ? part.slice(idx + eq.length) : '';
        const key = decodeComponent(rawKey.replace(/\+/g, ' '), decode);
        const value = decodeComponent(rawValue.replace(/\+/g, ' '), decode);
        if (key in obj) {
            const existing = obj[key];
            if (Array.isArray(existing)) {
                existing.push(value);
            } else {
                obj[key] = [existing, value];
            }
        } else {
            obj[key] = value;
        }
    }
    return obj;
}

function decodeComponent(s, decode) {
    try {
        return decode(s);
    } catch (e) {
        return module.exports.unescape(s, true);
    }
}

module.exports = {
    unescapeBuffer: (s) => require('buffer').Buffer.from(unescapeBuffer(s)),
    unescape: qsUnescape,
    escape: qsEscape,
    stringify,
    encode: stringify,
    parse,
    decode: parse,
};
