// The `zlib` module: deflate, inflate, gzip, gunzip, unzip and their raw forms, with the npm `pako`
// package (a port of zlib to JavaScript) doing the work: the sync and callback functions, the
// stream classes (createGzip, …), crc32 and the constants. Brotli is not available.
//
// Decompression is bounded: output beyond `maxOutputLength` (Node's option; here at most
// MAX_OUTPUT, 10 MiB, the cap Corral puts on a decompressed HTTP response body) ends it with Node's
// ERR_BUFFER_TOO_LARGE, so a small guest-made "zip bomb" cannot inflate into the host's heap
// (security case C18).
'use strict';
const pako = require('node_modules/pako/dist/pako.js');
const { Buffer } = require('buffer');

const MAX_OUTPUT = 10 * 1024 * 1024;

const codes = {
    Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3,
    Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
};
const constants = Object.assign({
    Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5, Z_TREES: 6,
    Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
    Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865,
    DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
    Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64,
    Z_MAX_CHUNK: Infinity, Z_DEFAULT_CHUNK: 16384, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9,
    Z_DEFAULT_MEMLEVEL: 8, Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1,
}, codes);
const messages = { '-2': 'stream error', '-3': 'invalid data', '-4': 'insufficient memory', '-5': 'unexpected end of file' };
const codeNames = Object.fromEntries(Object.entries(codes).map(([k, v]) => [v, k]));

// mode -> pako options
const MODES = {
    deflate: { compress: true, options: {} },
    deflateRaw: { compress: true, options: { raw: true } },
    gzip: { compress: true, options: { gzip: true } },
    inflate: { compress: false, options: { windowBits: 15 } },
    inflateRaw: { compress: false, options: { raw: true } },
    gunzip: { compress: false, options: { windowBits: 31 } },
    unzip: { compress: false, options: { windowBits: 47 } },
};

function zlibError(errno, message) {
    const err = new Error(message || messages[errno] || 'zlib error');
    err.errno = errno;
    err.code = codeNames[errno] || 'Z_ERRNO';
    return err;
}

function tooLarge(limit) {
    const err = new RangeError(`Cannot create a Buffer larger than ${limit} bytes`);
    err.code = 'ERR_BUFFER_TOO_LARGE';
    return err;
}

function inputOf(buffer, name) {
    if (typeof buffer === 'string') {
        return Buffer.from(buffer);
    }
    if (ArrayBuffer.isView(buffer)) {
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    if (buffer instanceof ArrayBuffer) {
        return new Uint8Array(buffer);
    }
    const err = new TypeError(`The "${name}" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer. Received ${corral.inspect(buffer)}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
}

function limitOf(opts) {
    const asked = opts && typeof opts.maxOutputLength === 'number' ? opts.maxOutputLength : MAX_OUTPUT;
    if (!(asked >= 1)) {
        const err = new RangeError(`The value of "options.maxOutputLength" is out of range. It must be >= 1 && <= ${MAX_OUTPUT}. Received ${asked}`);
        err.code = 'ERR_OUT_OF_RANGE';
        throw err;
    }
    return Math.min(asked, MAX_OUTPUT);
}

function pakoOptions(mode, opts) {
    const out = Object.assign({ chunkSize: 16384 }, MODES[mode].options);
    if (opts) {
        for (const key of ['level', 'memLevel', 'strategy', 'dictionary']) {
            if (opts[key] !== undefined) {
                out[key] = opts[key];
            }
        }
        if (opts.chunkSize !== undefined) {
            out.chunkSize = Math.max(64, opts.chunkSize | 0);
        }
        if (opts.windowBits !== undefined && MODES[mode].compress) {
            out.windowBits = opts.windowBits;
        }
    }
    return out;
}

// one zlib stream: push() input, collect output, bounded, with Node's errors
class Engine {
    constructor(mode, opts) {
        this.compress = MODES[mode].compress;
        this.limit = this.compress ? Infinity : limitOf(opts);
        this.size = 0;
        this.impl = this.compress ? new pako.Deflate(pakoOptions(mode, opts)) : new pako.Inflate(pakoOptions(mode, opts));
        this.out = [];
        this.impl.onData = (chunk) => {
            this.size += chunk.length;
            if (this.size > this.limit) {
                throw tooLarge(this.limit);
            }
            this.out.push(Buffer.from(chunk));
        };
        this.impl.onEnd = (status) => {
            this.status = status;
        };
    }

    write(input, finish) {
        if (this.impl.ended) {
            // a complete stream already ended (zlib ignores what follows it)
            return [];
        }
        const ok = this.impl.push(input, finish ? constants.Z_FINISH : constants.Z_NO_FLUSH);
        if (!ok || (this.status !== undefined && this.status !== 0)) {
            throw zlibError(this.status, this.impl.strm && this.impl.strm.msg);
        }
        if (finish && !this.compress && !this.impl.ended) {
            throw zlibError(codes.Z_BUF_ERROR);
        }
        const chunks = this.out;
        this.out = [];
        return chunks;
    }
}

function processSync(mode, buffer, opts) {
    const engine = new Engine(mode, opts);
    const chunks = engine.write(inputOf(buffer, 'buffer'), true);
    const result = Buffer.concat(chunks);
    return opts && opts.info ? { buffer: result, engine } : result;
}

function asyncVersion(mode) {
    return function (buffer, opts, callback) {
        if (typeof opts === 'function') {
            callback = opts;
            opts = {};
        }
        if (typeof callback !== 'function') {
            const err = new TypeError(`The "callback" argument must be of type function. Received ${corral.inspect(callback)}`);
            err.code = 'ERR_INVALID_ARG_TYPE';
            throw err;
        }
        let result;
        let error = null;
        try {
            result = processSync(mode, buffer, opts);
        } catch (e) {
            error = e;
        }
        setImmediate(() => (error ? callback(error) : callback(null, result)));
    };
}

const classNames = {
    deflate: 'Deflate', inflate: 'Inflate', gzip: 'Gzip', gunzip: 'Gunzip', deflateRaw: 'DeflateRaw',
    inflateRaw: 'InflateRaw', unzip: 'Unzip',
};

const zlib = { constants, codes: Object.assign({}, codes, Object.fromEntries(Object.entries(codes).map(([k, v]) => [v, k]))) };

let streamClasses = null;

// stream classes load `stream` only when one is used
function streamClass(mode) {
    if (streamClasses === null) {
        streamClasses = {};
        const { Transform } = require('stream');
        for (const m of Object.keys(MODES)) {
            const Class = class extends Transform {
                constructor(opts) {
                    super(opts);
                    this._engine = new Engine(m, opts);
                    this.bytesWritten = 0;
                }

                _transform(chunk, encoding, callback) {
                    try {
                        const input = inputOf(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk, 'chunk');
                        this.bytesWritten += input.length;
                        for (const out of this._engine.write(input, false)) {
                            this.push(out);
                        }
                        callback();
                    } catch (e) {
                        callback(e);
                    }
                }

                _flush(callback) {
                    try {
                        for (const out of this._engine.write(new Uint8Array(0), true)) {
                            this.push(out);
                        }
                        callback();
                    } catch (e) {
                        callback(e);
                    }
                }
            };
            Object.defineProperty(Class, 'name', { value: classNames[m] });
            streamClasses[m] = Class;
        }
    }
    return streamClasses[mode];
}

for (const mode of Object.keys(MODES)) {
    const cap = mode[0].toUpperCase() + mode.slice(1);
    zlib[`${mode}Sync`] = (buffer, opts) => processSync(mode, buffer, opts);
    zlib[mode] = asyncVersion(mode);
    zlib[`create${cap}`] = (opts) => new (streamClass(mode))(opts);
    Object.defineProperty(zlib, classNames[mode], { enumerable: true, get: () => streamClass(mode) });
}

function brotliUnavailable() {
    const err = new Error('Brotli is not available in this sandbox; use gzip or deflate');
    err.code = 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM';
    throw err;
}
for (const name of ['brotliCompress', 'brotliCompressSync', 'brotliDecompress', 'brotliDecompressSync',
    'createBrotliCompress', 'createBrotliDecompress']) {
    zlib[name] = brotliUnavailable;
}

let crcTable = null;
zlib.crc32 = function crc32(data, value = 0) {
    if (crcTable === null) {
        crcTable = new Int32Array(256);
        for (let n = 0; n < 256; n++) {
            let c = n;
            for (let k = 0; k < 8; k++) {
                c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            }
            crcTable[n] = c;
        }
    }
    const bytes = typeof data === 'string' ? Buffer.from(data) : inputOf(data, 'data');
    let crc = ~value;
    for (let i = 0; i < bytes.length; i++) {
        crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    }
    return ~crc >>> 0;
};

Object.assign(zlib, constants);
module.exports = zlib;
