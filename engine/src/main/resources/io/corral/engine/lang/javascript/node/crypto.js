// The `crypto` module: hashes and HMACs computed by the host (the JDK's MessageDigest and Mac,
// through the bridge's `digest`), randomness from the host's SecureRandom (the web `crypto`
// global), and the Web Crypto object as `webcrypto`. Ciphers, keys and signatures are not here.
'use strict';
const { Buffer } = require('buffer');

const web = globalThis.crypto;
const HASHES = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512-224', 'sha512-256',
    'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512'];
const ALIASES = { 'rsa-md5': 'md5', 'rsa-sha1': 'sha1', 'rsa-sha256': 'sha256', 'rsa-sha384': 'sha384',
    'rsa-sha512': 'sha512', 'sha-1': 'sha1', 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };

function codedError(Type, code, message) {
    const err = new Type(message);
    err.code = code;
    return err;
}

function algorithmOf(name) {
    const lower = String(name).toLowerCase();
    const algorithm = ALIASES[lower] || lower;
    return HASHES.includes(algorithm) ? algorithm : null;
}

function bytesOf(data, encoding, what) {
    if (typeof data === 'string') {
        return Buffer.from(data, encoding || 'utf8');
    }
    if (ArrayBuffer.isView(data)) {
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    }
    if (data instanceof ArrayBuffer) {
        return Buffer.from(data);
    }
    throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "${what}" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${corral.inspect(data)}`);
}

function output(hex, encoding) {
    const buf = Buffer.from(hex, 'hex');
    return encoding === undefined || encoding === 'buffer' ? buf : buf.toString(encoding);
}

class Hash {
    constructor(algorithm, key) {
        this._algorithm = algorithm;
        this._key = key;
        this._chunks = [];
        this._finalized = false;
    }

    update(data, encoding) {
        if (this._finalized) {
            throw codedError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
        }
        this._chunks.push(bytesOf(data, encoding, 'data').toString('latin1'));
        return this;
    }

    digest(encoding) {
        if (this._finalized) {
            throw codedError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
        }
        this._finalized = true;
        const data = this._chunks.join('');
        this._chunks = [];
        return output(corral.host.digest(this._algorithm, data, this._key), encoding);
    }

    copy() {
        if (this._finalized) {
            throw codedError(Error, 'ERR_CRYPTO_HASH_FINALIZED', 'Digest already called');
        }
        const copy = new Hash(this._algorithm, this._key);
        copy._chunks = this._chunks.slice();
        return copy;
    }
}

class Hmac extends Hash {
}

function createHash(algorithm) {
    const name = algorithmOf(algorithm);
    if (name === null) {
        throw new Error('Digest method not supported');
    }
    return new Hash(name, null);
}

function createHmac(algorithm, key) {
    const name = algorithmOf(algorithm);
    if (name === null) {
        throw codedError(TypeError, 'ERR_CRYPTO_INVALID_DIGEST', `Invalid digest: ${algorithm}`);
    }
    if (key === null || key === undefined) {
        throw codedError(TypeError, 'ERR_INVALID_ARG_TYPE', `The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received ${key}`);
    }
    return new Hmac(name, bytesOf(key, 'utf8', 'key').toString('latin1'));
}

function randomBytes(size, callback) {
    if (typeof size !== 'number' || !(size >= 0 && size <= 2 ** 31 - 1) || !Number.isInteger(size)) {
        throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received ${size}`);
    }
    const bytes = web.randomBytes(size);
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (typeof callback === 'function') {
        process.nextTick(callback, null, buf);
        return undefined;
    }
    return buf;
}

function randomInt(min, max, callback) {
    if (typeof max !== 'number') {
        callback = max;
        max = min;
        min = 0;
    }
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min) {
        throw codedError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "max" is out of range. It must be greater than the value of "min" (${min}). Received ${max}`);
    }
    const value = web.randomInt(min, max);
    if (typeof callback === 'function') {
        process.nextTick(callback, null, value);
        return undefined;
    }
    return value;
}

function timingSafeEqual(a, b) {
    const x = bytesOf(a, undefined, 'buf1');
    const y = bytesOf(b, undefined, 'buf2');
    if (x.length !== y.length) {
        throw codedError(RangeError, 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length');
    }
    let diff = 0;
    for (let i = 0; i < x.length; i++) {
        diff |= x[i] ^ y[i];
    }
    return diff === 0;
}

function notAvailable(name) {
    return function () {
        throw codedError(Error, 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM', `crypto.${name} is not available in this sandbox; available: createHash, createHmac, randomBytes, randomUUID, randomInt, getRandomValues, timingSafeEqual`);
    };
}

module.exports = {
    createHash,
    createHmac,
    Hash,
    Hmac,
    getHashes: () => HASHES.slice(),
    randomBytes,
    pseudoRandomBytes: randomBytes,
    randomFillSync(buffer) {
        return web.getRandomValues(buffer);
    },
    randomUUID: () => web.randomUUID(),
    randomInt,
    getRandomValues: (array) => web.getRandomValues(array),
    timingSafeEqual,
    webcrypto: web,
    subtle: web.subtle,
    constants: {},
    createCipheriv: notAvailable('createCipheriv'),
    createDecipheriv: notAvailable('createDecipheriv'),
    createSign: notAvailable('createSign'),
    createVerify: notAvailable('createVerify'),
    generateKeyPairSync: notAvailable('generateKeyPairSync'),
    pbkdf2Sync: notAvailable('pbkdf2Sync'),
    scryptSync: notAvailable('scryptSync'),
};
