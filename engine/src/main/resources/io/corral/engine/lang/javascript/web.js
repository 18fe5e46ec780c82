// Web platform globals Node also has: TextEncoder/TextDecoder, atob/btoa, URL/URLSearchParams,
// structuredClone, crypto (randomUUID, getRandomValues), performance.now. Randomness comes from the
// host's SecureRandom; time from the host's monotonic clock.
(function () {
    function define(name, value) {
        Object.defineProperty(global, name, { value, writable: true, configurable: true });
    }

    class TextEncoder {
        get encoding() {
            return 'utf-8';
        }

        encode(input = '') {
            const str = String(input);
            const out = [];
            for (let i = 0; i < str.length; i++) {
                let cp = str.charCodeAt(i);
                if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < str.length) {
                    const lo = str.charCodeAt(i + 1);
                    if (lo >= 0xdc00 && lo <= 0xdfff) {
                        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                        i++;
                    } else {
                        cp = 0xfffd;
                    }
                } else if (cp >= 0xd800 && cp <= 0xdfff) {
                    cp = 0xfffd;
                }
                if (cp < 0x80) {
                    out.push(cp);
                } else if (cp < 0x800) {
                    out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
                } else if (cp < 0x10000) {
                    out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
                } else {
                    out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
                }
            }
            return new Uint8Array(out);
        }

        encodeInto(input, dest) {
            let read = 0;
            let written = 0;
            for (const ch of String(input)) {
                const bytes = this.encode(ch);
                if (written + bytes.length > dest.length) {
                    break;
                }
                dest.set(bytes, written);
                written += bytes.length;
                read += ch.length;
            }
            return { read, written };
        }
    }

    class TextDecoder {
        constructor(label = 'utf-8', options = {}) {
            const normalized = String(label).trim().toLowerCase();
            if (normalized !== 'utf-8' && normalized !== 'utf8' && normalized !== 'unicode-1-1-utf-8') {
                throw new RangeError(`The "${label}" encoding is not supported; allowed: utf-8`);
            }
            this._fatal = Boolean(options.fatal);
            this._ignoreBOM = Boolean(options.ignoreBOM);
        }

        get encoding() {
            return 'utf-8';
        }

        get fatal() {
            return this._fatal;
        }

        get ignoreBOM() {
            return this._ignoreBOM;
        }

        decode(input) {
            if (input === undefined) {
                return '';
            }
            let bytes;
            if (input instanceof ArrayBuffer) {
                bytes = new Uint8Array(input);
            } else if (ArrayBuffer.isView(input)) {
                bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
            } else {
                throw new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView');
            }
            let out = '';
            let i = 0;
            if (!this._ignoreBOM && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
                i = 3;
            }
            const bad = () => {
                if (this._fatal) {
                    const err = new TypeError('The encoded data was not valid for encoding utf-8');
                    err.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
                    throw err;
                }
                return '\ufffd';
            };
            const parts = [];
            while (i < bytes.length) {
                const b = bytes[i];
                let cp = -1;
                let need = 0;
                if (b < 0x80) {
                    cp = b;
                } else if (b >= 0xc2 && b <= 0xdf) {
                    cp = b & 0x1f;
                    need = 1;
                } else if (b >= 0xe0 && b <= 0xef) {
                    cp = b & 0x0f;
                    need = 2;
                } else if (b >= 0xf0 && b <= 0xf4) {
                    cp = b & 0x07;
                    need = 3;
                } else {
                    out += bad();
                    i++;
                    continue;
                }
                let j = 1;
                for (; j <= need; j++) {
                    const c = bytes[i + j];
                    if (c === undefined || (c & 0xc0) !== 0x80) {
                        break;
                    }
                    if (j === 1 && ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f)
                            || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f))) {
                        break;
                    }
                    cp = (cp << 6) | (c & 0x3f);
                }
                if (j <= need) {
                    out += bad();
                    i += j;
                    continue;
                }
                out += String.fromCodePoint(cp);
                i += need + 1;
                if (out.length > 8192) {
                    parts.push(out);
                    out = '';
                }
            }
            parts.push(out);
            return parts.join('');
        }
    }
    define('TextEncoder', TextEncoder);
    define('TextDecoder', TextDecoder);

    const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

    function invalidCharacter(message) {
        const err = new Error(message);
        err.name = 'InvalidCharacterError';
        return err;
    }

    define('btoa', function btoa(data) {
        if (arguments.length === 0) {
            throw new TypeError('The "data" argument must be specified');
        }
        const str = String(data);
        let out = '';
        for (let i = 0; i < str.length; i += 3) {
            const codes = [str.charCodeAt(i), str.charCodeAt(i + 1), str.charCodeAt(i + 2)];
            for (const c of codes) {
                if (c > 255) {
                    throw invalidCharacter('Invalid character');
                }
            }
            const n = (codes[0] << 16) | ((codes[1] || 0) << 8) | (codes[2] || 0);
            out += b64[(n >> 18) & 63] + b64[(n >> 12) & 63]
                + (i + 1 < str.length ? b64[(n >> 6) & 63] : '=') + (i + 2 < str.length ? b64[n & 63] : '=');
        }
        return out;
    });

    define('atob', function atob(data) {
        if (arguments.length === 0) {
            throw new TypeError('The "data" argument must be specified');
        }
        let str = String(data).replace(/[\t\n\f\r ]/g, '');
        if (str.length % 4 === 0) {
            str = str.replace(/={1,2}$/, '');
        }
        if (str.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(str)) {
            throw invalidCharacter('The string to be decoded is not correctly encoded.');
        }
        let out = '';
        let buffer = 0;
        let bits = 0;
        for (const ch of str) {
            buffer = (buffer << 6) | b64.indexOf(ch);
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out += String.fromCharCode((buffer >> bits) & 0xff);
            }
        }
        return out;
    });

    function randomBytes(n) {
        const out = new Uint8Array(n);
        for (let offset = 0; offset < n; offset += 65536) {
            const count = Math.min(65536, n - offset);
            const hex = corral.host.randomBytes(count);
            for (let i = 0; i < count; i++) {
                out[offset + i] = parseInt(hex.substr(i * 2, 2), 16);
            }
        }
        return out;
    }

    const crypto = {
        getRandomValues(array) {
            if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array
                    || array instanceof DataView) {
                const err = new TypeError('The data argument must be an integer-type TypedArray');
                err.name = 'TypeMismatchError';
                throw err;
            }
            if (array.byteLength > 65536) {
                const err = new Error(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`);
                err.name = 'QuotaExceededError';
                throw err;
            }
            new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(randomBytes(array.byteLength));
            return array;
        },
        randomUUID() {
            const b = randomBytes(16);
            b[6] = (b[6] & 0x0f) | 0x40;
            b[8] = (b[8] & 0x3f) | 0x80;
            const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
            return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
        },
        randomBytes(n) {
            return randomBytes(n);
        },
        // Web Crypto: digests only (computed by the host), as a promise of an ArrayBuffer
        subtle: {
            digest(algorithm, data) {
                return new Promise((resolve) => {
                    const name = String(typeof algorithm === 'object' && algorithm !== null ? algorithm.name : algorithm)
                        .toUpperCase();
                    const node = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }[name];
                    if (node === undefined) {
                        const err = new Error('Unrecognized algorithm name');
                        err.name = 'NotSupportedError';
                        throw err;
                    }
                    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
                        : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
                    let binary = '';
                    for (let i = 0; i < bytes.length; i += 8192) {
                        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
                    }
                    const hex = corral.host.digest(node, binary, null);
                    const out = new Uint8Array(hex.length / 2);
                    for (let i = 0; i < out.length; i++) {
                        out[i] = parseInt(hex.substr(i * 2, 2), 16);
                    }
                    resolve(out.buffer);
                });
            },
        },
        randomInt(min, max) {
            if (max === undefined) {
                max = min;
                min = 0;
            }
            const range = max - min;
            const b = randomBytes(6);
            const r = b.reduce((acc, x) => acc * 256 + x, 0) / 2 ** 48;
            return min + Math.floor(r * range);
        },
    };
    define('crypto', crypto);

    const timeOrigin = Date.now();
    define('performance', {
        timeOrigin,
        now() {
            return corral.host.clock() / 1e6;
        },
        mark() {
        },
        measure() {
        },
        toJSON() {
            return { timeOrigin };
        },
    });

    function dataCloneError(message) {
        const err = new Error(message);
        err.name = 'DataCloneError';
        err.code = 25;
        return err;
    }

    define('structuredClone', function structuredClone(value) {
        if (arguments.length === 0) {
            throw new TypeError('The "value" argument must be specified');
        }
        const memory = new Map();
        function clone(v) {
            if (typeof v === 'function') {
                throw dataCloneError(`${v.toString().slice(0, 60)} could not be cloned.`);
            }
            if (typeof v === 'symbol') {
                throw dataCloneError(`${v.toString()} could not be cloned.`);
            }
            if (typeof v !== 'object' || v === null) {
                return v;
            }
            if (memory.has(v)) {
                return memory.get(v);
            }
            let out;
            if (Array.isArray(v)) {
                out = new Array(v.length);
                memory.set(v, out);
                for (const k of Object.keys(v)) {
                    out[k] = clone(v[k]);
                }
                return out;
            }
            if (v instanceof Date) {
                out = new Date(v.getTime());
            } else if (v instanceof RegExp) {
                out = new RegExp(v.source, v.flags);
            } else if (v instanceof Map) {
                out = new Map();
                memory.set(v, out);
                for (const [k, val] of v) {
                    out.set(clone(k), clone(val));
                }
                return out;
            } else if (v instanceof Set) {
                out = new Set();
                memory.set(v, out);
                for (const val of v) {
                    out.add(clone(val));
                }
                return out;
            } else if (v instanceof ArrayBuffer) {
                out = v.slice(0);
            } else if (ArrayBuffer.isView(v)) {
                const buffer = clone(v.buffer);
                out = v instanceof DataView ? new DataView(buffer, v.byteOffset, v.byteLength)
                    : new v.constructor(buffer, v.byteOffset, v.length);
            } else if (v instanceof Error) {
                const ctor = { EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError }[v.name] || Error;
                out = new ctor(v.message);
                memory.set(v, out);
                if (typeof v.stack === 'string') {
                    out.stack = v.stack;
                }
                if ('cause' in v) {
                    out.cause = clone(v.cause);
                }
                return out;
            } else if (v instanceof Boolean || v instanceof Number || v instanceof String) {
                out = Object(v.valueOf());
            } else if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) {
                throw dataCloneError(`#<${v.constructor.name}> could not be cloned.`);
            } else {
                out = {};
                memory.set(v, out);
                for (const k of Object.keys(v)) {
                    out[k] = clone(v[k]);
                }
                return out;
            }
            memory.set(v, out);
            return out;
        }
        return clone(value);
    });
})();
