// The `buffer` module: the npm `buffer` package (feross/buffer, Node's Buffer API for other
// JavaScript runtimes), plus what Node 20 has beyond it: the 'base64url' encoding and `constants`.
'use strict';
const base = require('node_modules/buffer/index.js');
const Buffer = base.Buffer;

function toBase64(text) {
    return String(text).replace(/-/g, '+').replace(/_/g, '/');
}

function isBase64url(encoding) {
    return typeof encoding === 'string' && encoding.toLowerCase() === 'base64url';
}

const from = Buffer.from;
Buffer.from = function (value, encodingOrOffset, length) {
    if (typeof value === 'string' && isBase64url(encodingOrOffset)) {
        return from.call(this, toBase64(value), 'base64');
    }
    return from.call(this, value, encodingOrOffset, length);
};

const byteLength = Buffer.byteLength;
Buffer.byteLength = function (value, encoding) {
    return byteLength.call(this, value, isBase64url(encoding) ? 'base64' : encoding);
};

const isEncoding = Buffer.isEncoding;
Buffer.isEncoding = function (encoding) {
    return isBase64url(encoding) || isEncoding.call(this, encoding);
};

const alloc = Buffer.alloc;
Buffer.alloc = function (size, fill, encoding) {
    return alloc.call(this, size, fill, isBase64url(encoding) ? 'base64' : encoding);
};

// UTF-8 is decoded as Node does (WHATWG: one U+FFFD per maximal invalid subsequence, BOM kept)
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const toString = Buffer.prototype.toString;
Buffer.prototype.toString = function (encoding, start, end) {
    if (isBase64url(encoding)) {
        return toString.call(this, 'base64', start, end).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }
    if (encoding === undefined || (typeof encoding === 'string' && /^utf-?8$/i.test(encoding))) {
        const from = start === undefined ? 0 : Math.max(0, start | 0);
        const to = end === undefined ? this.length : Math.min(this.length, end | 0);
        return from >= to ? '' : utf8.decode(this.subarray(from, to));
    }
    return toString.call(this, encoding, start, end);
};

// Node's inspection: `<Buffer 68 69>`, at most INSPECT_MAX_BYTES bytes, then how many more
Buffer.prototype[Symbol.for('nodejs.util.inspect.custom')] = function inspect() {
    const max = base.INSPECT_MAX_BYTES;
    let str = this.toString('hex', 0, max).replace(/(.{2})/g, '$1 ').trim();
    const remaining = this.length - max;
    if (remaining > 0) {
        str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
    }
    return `<${this.constructor.name} ${str}>`;
};
Buffer.prototype.toLocaleString = Buffer.prototype.toString;

const write = Buffer.prototype.write;
Buffer.prototype.write = function (string, offset, length, encoding) {
    if (isBase64url(encoding)) {
        return write.call(this, toBase64(string), offset, length, 'base64');
    }
    if (isBase64url(offset)) {
        return write.call(this, toBase64(string), 'base64');
    }
    if (isBase64url(length)) {
        return write.call(this, toBase64(string), offset, 'base64');
    }
    return write.call(this, string, offset, length, encoding);
};

module.exports = {
    Buffer,
    SlowBuffer: base.SlowBuffer,
    INSPECT_MAX_BYTES: base.INSPECT_MAX_BYTES,
    kMaxLength: base.kMaxLength,
    kStringMaxLength: 2 ** 29 - 24,
    constants: { MAX_LENGTH: base.kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 },
    atob: globalThis.atob,
    btoa: globalThis.btoa,
    isUtf8(input) {
        try {
            new TextDecoder('utf-8', { fatal: true }).decode(input);
            return true;
        } catch (e) {
            return false;
        }
    },
    isAscii(input) {
        return Buffer.from(input).every((b) => b < 0x80);
    },
};
