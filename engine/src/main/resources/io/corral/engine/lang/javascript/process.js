// `process`, `process.stdin`, and the built-in modules the prelude itself defines (fs, events,
// util, readline, timers, process); modules.js gives `require` and loads the others on
// first use. Per-execution values (argv, env, stdin) arrive in bind().
(function () {
    const EventEmitter = corral.EventEmitter;
    const state = { stdin: '', exiting: false };
    corral.state = state;

    function exitStatus(code) {
        const n = Number(code);
        return Number.isFinite(n) ? (n | 0) & 0xff : 1;
    }

    class WriteStream extends EventEmitter {
        constructor(fd) {
            super();
            this.fd = fd;
            this.isTTY = false;
            this.writable = true;
            this.columns = 80;
        }

        write(chunk, encoding, callback) {
            if (typeof encoding === 'function') {
                callback = encoding;
            }
            let text;
            if (typeof chunk === 'string') {
                text = chunk;
            } else if (chunk instanceof Uint8Array) {
                text = new TextDecoder().decode(chunk);
            } else {
                const err = new TypeError(`The "chunk" argument must be of type string or an instance of Buffer or Uint8Array. Received ${corral.inspect(chunk)}`);
                err.code = 'ERR_INVALID_ARG_TYPE';
                throw err;
            }
            corral.host.write(this.fd, text);
            if (typeof callback === 'function') {
                corral.loop.nextTick(callback);
            }
            return true;
        }

        end(chunk, encoding, callback) {
            if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
                this.write(chunk, encoding);
            }
            const cb = [chunk, encoding, callback].find((x) => typeof x === 'function');
            if (cb) {
                corral.loop.nextTick(cb);
            }
            return this;
        }
    }

    // process.stdin: the request's stdin, delivered in one 'data' chunk (a string) then 'end', once
    // something reads it: a 'data'/'readable'/'end' listener, resume(), or async iteration.
    class ReadStream extends EventEmitter {
        constructor() {
            super();
            this.fd = 0;
            this.isTTY = false;
            this.readable = true;
            this._encoding = null;
            this._started = false;
            this._paused = false;
            this._consumed = false;
        }

        _onListener(name) {
            if (name === 'data' || name === 'end' || name === 'readable' || name === 'close') {
                this._start();
            }
        }

        _start() {
            if (this._started) {
                return;
            }
            this._started = true;
            corral.loop.enqueueTask(() => this._deliver());
        }

        _deliver() {
            if (this._paused) {
                this._started = false;
                return;
            }
            if (this.listenerCount('readable') > 0) {
                this._readableText = this._consumed ? null : state.stdin;
                this.emit('readable');
            }
            if (!this._consumed && state.stdin.length > 0 && this.listenerCount('data') > 0) {
                this._consumed = true;
                this.emit('data', state.stdin);
            }
            this._consumed = true;
            this.readable = false;
            this.emit('end');
            this.emit('close');
        }

        read() {
            if (this._consumed || this._readableText === null) {
                return null;
            }
            this._consumed = true;
            this._readableText = null;
            return state.stdin.length > 0 ? state.stdin : null;
        }

        setEncoding(encoding) {
            this._encoding = encoding;
            return this;
        }

        resume() {
            this._paused = false;
            this._start();
            return this;
        }

        pause() {
            this._paused = true;
            return this;
        }

        unref() {
            return this;
        }

        ref() {
            return this;
        }

        pipe(destination) {
            this.on('data', (chunk) => destination.write(chunk));
            return destination;
        }

        async *[Symbol.asyncIterator]() {
            if (!this._consumed) {
                this._consumed = true;
                this._started = true;
                if (state.stdin.length > 0) {
                    yield state.stdin;
                }
            }
        }
    }

    const process = new EventEmitter();
    Object.assign(process, {
        title: 'node',
        version: 'v20.0.0',
        versions: { node: '20.0.0' },
        arch: 'x64',
        platform: 'linux',
        release: { name: 'node' },
        pid: 1,
        ppid: 0,
        execArgv: [],
        execPath: '/usr/local/bin/node',
        argv: [],
        argv0: 'node',
        env: {},
        exitCode: undefined,
        stdout: new WriteStream(1),
        stderr: new WriteStream(2),
        stdin: new ReadStream(),
        exit(code) {
            const status = exitStatus(code === undefined ? (process.exitCode === undefined ? 0 : process.exitCode) : code);
            if (!state.exiting) {
                state.exiting = true;
                process.exitCode = status;
                try {
                    process.emit('exit', status);
                } catch (e) {
                    // an 'exit' listener failing must not keep the process alive
                }
            }
            corral.host.exit(status);
        },
        cwd() {
            return '/code';
        },
        // the same neutral identity Python's os module gives (docs/security.md)
        getuid: () => 1000,
        geteuid: () => 1000,
        getgid: () => 1000,
        getegid: () => 1000,
        getgroups: () => [1000],
        chdir() {
            const err = new Error('process.chdir() is not supported in this sandbox');
            err.code = 'ERR_WORKER_UNSUPPORTED_OPERATION';
            throw err;
        },
        uptime() {
            return corral.host.clock() / 1e9;
        },
        hrtime: Object.assign(function hrtime(previous) {
            const ns = corral.host.clock();
            let sec = Math.floor(ns / 1e9);
            let nsec = Math.floor(ns - sec * 1e9);
            if (Array.isArray(previous)) {
                sec -= previous[0];
                nsec -= previous[1];
                if (nsec < 0) {
                    sec -= 1;
                    nsec += 1e9;
                }
            }
            return [sec, nsec];
        }, {
            bigint() {
                return BigInt(Math.floor(corral.host.clock()));
            },
        }),
        nextTick: corral.loop.nextTick,
        memoryUsage() {
            return { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
        },
        cpuUsage() {
            return { user: 0, system: 0 };
        },
        emitWarning(warning) {
            const text = warning instanceof Error ? `${warning.name}: ${warning.message}` : `Warning: ${warning}`;
            corral.host.write(2, `(node:1) ${text}\n`);
        },
        abort() {
            corral.host.exit(134);
        },
        kill() {
            const err = new Error('kill EPERM');
            err.code = 'EPERM';
            throw err;
        },
    });
    corral.process = process;
    Object.defineProperty(global, 'process', { value: process, writable: true, configurable: true });
    Object.defineProperty(global, 'global', { value: global, writable: true, configurable: true });

    function notFound(file) {
        const err = new Error(`ENOENT: no such file or directory, open '${file}'`);
        err.code = 'ENOENT';
        err.errno = -2;
        err.syscall = 'open';
        err.path = String(file);
        return err;
    }

    function isStdin(file) {
        return file === 0 || file === '/dev/stdin' || file === '/proc/self/fd/0';
    }

    function encodingOf(options) {
        return typeof options === 'string' ? options : options && options.encoding;
    }

    // bytes as Node's fs returns them: a Buffer, or text in the encoding asked for
    function decoded(bytes, options) {
        const encoding = encodingOf(options);
        const buf = corral.require('buffer').Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        return encoding && encoding !== 'buffer' ? buf.toString(encoding) : buf;
    }

    function stdinAs(options) {
        const encoding = encodingOf(options);
        if (encoding === 'utf8' || encoding === 'utf-8') {
            return state.stdin;
        }
        return decoded(new TextEncoder().encode(state.stdin), options);
    }

    // files of the execution's in-memory file system (/mnt/req inputs, /tmp) through the host
    function readGuestFile(file, options) {
        const r = corral.host.readFile(String(file));
        if (!r.ok) {
            const err = fsError(r, file);
            err.syscall = 'open';
            throw err;
        }
        const data = r.data;
        const bytes = new Uint8Array(data.length);
        for (let i = 0; i < data.length; i++) {
            bytes[i] = data.charCodeAt(i);
        }
        return decoded(bytes, options);
    }

    const errnos = { ENOENT: -2, EIO: -5, EACCES: -13, EEXIST: -17, ENOTDIR: -20, EISDIR: -21, EINVAL: -22,
        EROFS: -30, ENOTEMPTY: -39 };

    function fsError(r, file) {
        const err = new Error(r.error);
        err.errno = errnos[r.code];
        err.code = r.code;
        err.path = String(file);
        return err;
    }

    // writes and listings on the execution's in-memory file system (/tmp; /mnt/req is read-only)
    function guestFs(op, file, data) {
        const r = corral.host.fs(op, String(file), data === undefined ? '' : data);
        if (!r.ok) {
            throw fsError(r, file);
        }
        return r.data;
    }

    function toBinary(data) {
        const bytes = typeof data === 'string' ? new TextEncoder().encode(data)
            : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
                : new TextEncoder().encode(String(data));
        let s = '';
        for (let i = 0; i < bytes.length; i += 8192) {
            s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
        }
        return s;
    }

    // what statSync tells of the in-memory files: kind and size (times are the execution's start)
    const bootTime = new Date(0);
    class Stats {
        constructor(kind, size) {
            Object.defineProperty(this, '_kind', { value: kind });
            const now = new Date();
            Object.assign(this, {
                dev: 1, mode: kind === 'file' ? 0o100644 : 0o40755, nlink: 1, uid: 1000, gid: 1000, rdev: 0,
                blksize: 4096, ino: 0, size, blocks: Math.ceil(size / 512),
                atimeMs: now.getTime(), mtimeMs: now.getTime(), ctimeMs: now.getTime(), birthtimeMs: bootTime.getTime(),
                atime: now, mtime: now, ctime: now, birthtime: bootTime,
            });
        }

        isFile() {
            return this._kind === 'file';
        }

        isDirectory() {
            return this._kind === 'directory';
        }

        isSymbolicLink() {
            return false;
        }

        isFIFO() {
            return false;
        }

        isSocket() {
            return false;
        }

        isBlockDevice() {
            return false;
        }

        isCharacterDevice() {
            return false;
        }
    }

    const fs = {
        readFileSync(file, options) {
            if (isStdin(file)) {
                return stdinAs(options);
            }
            return readGuestFile(file, options);
        },
        existsSync(file) {
            return isStdin(file) || corral.host.fs('kind', String(file), '').data != null;
        },
        writeFileSync(file, data) {
            if (file === 1 || file === '/dev/stdout') {
                corral.host.write(1, String(data));
                return;
            }
            if (file === 2 || file === '/dev/stderr') {
                corral.host.write(2, String(data));
                return;
            }
            guestFs('write', file, toBinary(data));
        },
        appendFileSync(file, data) {
            guestFs('append', file, toBinary(data));
        },
        mkdirSync(dir) {
            guestFs('mkdir', dir);
        },
        readdirSync(dir) {
            const names = guestFs('list', dir);
            return names === '' ? [] : names.split('\n');
        },
        unlinkSync(file) {
            guestFs('unlink', file);
        },
        rmdirSync(dir) {
            guestFs('unlink', dir);
        },
        statSync(file, options) {
            const kind = guestFs('kind', file);
            if (kind === null || kind === undefined) {
                if (options && options.throwIfNoEntry === false) {
                    return undefined;
                }
                const err = fsError({ code: 'ENOENT', error: `ENOENT: no such file or directory, stat '${file}'` }, file);
                err.errno = -2;
                err.syscall = 'stat';
                throw err;
            }
            return new Stats(kind, kind === 'file' ? corral.host.readFile(String(file)).data.length : 4096);
        },
        lstatSync(file, options) {
            return fs.statSync(file, options);
        },
        writeSync(fd, data) {
            fs.writeFileSync(fd, data);
        },
    };
    Object.assign(fs, {
        constants: { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 },
        accessSync(file) {
            if (!fs.existsSync(file)) {
                const err = fsError({ code: 'ENOENT', error: `ENOENT: no such file or directory, access '${file}'` }, file);
                err.errno = -2;
                err.syscall = 'access';
                throw err;
            }
        },
        copyFileSync(from, to) {
            fs.writeFileSync(to, fs.readFileSync(from));
        },
        renameSync(from, to) {
            fs.writeFileSync(to, fs.readFileSync(from));
            fs.unlinkSync(from);
        },
        rmSync(file, options) {
            const kind = guestFs('kind', file);
            if (kind === null || kind === undefined) {
                if (options && options.force) {
                    return;
                }
                throw fsError({ code: 'ENOENT', error: `ENOENT: no such file or directory, lstat '${file}'` }, file);
            }
            if (kind === 'directory' && options && options.recursive) {
                for (const name of fs.readdirSync(file)) {
                    fs.rmSync(`${file}/${name}`, options);
                }
            }
            guestFs('unlink', file);
        },
    });
    const readdirSync = fs.readdirSync;
    fs.readdirSync = function (dir, options) {
        const names = readdirSync(dir).sort();
        if (options && options.withFileTypes) {
            return names.map((name) => {
                const entry = new Stats(guestFs('kind', `${dir}/${name}`), 0);
                entry.name = name;
                entry.path = String(dir);
                return entry;
            });
        }
        return names;
    };
    const mkdirSync = fs.mkdirSync;
    fs.mkdirSync = function (dir, options) {
        if (fs.existsSync(dir)) {
            if (options && options.recursive) {
                return undefined;
            }
            const err = fsError({ code: 'EEXIST', error: `EEXIST: file already exists, mkdir '${dir}'` }, dir);
            err.errno = -17;
            err.syscall = 'mkdir';
            throw err;
        }
        mkdirSync(dir);
        return options && options.recursive ? String(dir) : undefined;
    };
    // the callback and promise forms of the synchronous functions
    fs.promises = {};
    for (const name of ['readFile', 'writeFile', 'appendFile', 'readdir', 'stat', 'lstat', 'mkdir', 'unlink',
        'rmdir', 'rm', 'access', 'copyFile', 'rename']) {
        const sync = fs[`${name}Sync`];
        fs.promises[name] = (...args) => new Promise((resolve) => resolve(sync(...args)));
        fs[name] = function (...args) {
            const callback = args.pop();
            if (typeof callback !== 'function') {
                const err = new TypeError(`The "cb" argument must be of type function. Received ${corral.inspect(callback)}`);
                err.code = 'ERR_INVALID_ARG_TYPE';
                throw err;
            }
            corral.loop.setImmediate(() => {
                let result;
                try {
                    result = sync(...args);
                } catch (e) {
                    callback(e);
                    return;
                }
                callback(null, result);
            });
        };
    }
    fs.exists = (file, callback) => corral.loop.setImmediate(() => callback(fs.existsSync(file)));

    class Interface extends EventEmitter {
        constructor(options) {
            super();
            const input = options && options.input ? options.input : (options || process.stdin);
            this._input = input;
            this._closed = false;
            this._lines = null;
            corral.loop.enqueueTask(() => this._run());
        }

        _all() {
            if (this._lines === null) {
                const text = this._input === process.stdin ? state.stdin : '';
                const lines = text.split(/\r?\n/);
                if (lines.length > 0 && lines[lines.length - 1] === '') {
                    lines.pop();
                }
                this._lines = lines;
            }
            return this._lines;
        }

        _run() {
            if (this._iterating) {
                return;
            }
            for (const line of this._all()) {
                if (this._closed) {
                    return;
                }
                this.emit('line', line);
            }
            this.close();
        }

        close() {
            if (!this._closed) {
                this._closed = true;
                this.emit('close');
            }
        }

        question(query, callback) {
            corral.host.write(1, String(query));
            const lines = this._all();
            const answer = lines.length > 0 ? lines.shift() : '';
            corral.loop.setImmediate(() => callback(answer));
        }

        setPrompt() {
        }

        prompt() {
        }

        pause() {
            return this;
        }

        resume() {
            return this;
        }

        write() {
        }

        async *[Symbol.asyncIterator]() {
            this._iterating = true;
            const lines = this._all();
            while (lines.length > 0 && !this._closed) {
                yield lines.shift();
            }
            this.close();
        }
    }

    const readline = {
        createInterface(options) {
            return new Interface(options);
        },
        Interface,
    };

    const tag = (v) => Object.prototype.toString.call(v).slice(8, -1);
    const typedArrayTag = (v) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? v[Symbol.toStringTag] : undefined);
    const types = {
        isPromise: (v) => v instanceof Promise,
        isDate: (v) => v instanceof Date,
        isRegExp: (v) => v instanceof RegExp,
        isMap: (v) => v instanceof Map,
        isSet: (v) => v instanceof Set,
        isWeakMap: (v) => v instanceof WeakMap,
        isWeakSet: (v) => v instanceof WeakSet,
        isNativeError: (v) => v instanceof Error,
        isArrayBuffer: (v) => v instanceof ArrayBuffer,
        isAnyArrayBuffer: (v) => v instanceof ArrayBuffer || tag(v) === 'SharedArrayBuffer',
        isArrayBufferView: (v) => ArrayBuffer.isView(v),
        isDataView: (v) => v instanceof DataView,
        isTypedArray: (v) => typedArrayTag(v) !== undefined,
        isUint8Array: (v) => typedArrayTag(v) === 'Uint8Array',
        isAsyncFunction: (v) => tag(v) === 'AsyncFunction' || tag(v) === 'AsyncGeneratorFunction',
        isGeneratorFunction: (v) => tag(v) === 'GeneratorFunction' || tag(v) === 'AsyncGeneratorFunction',
        isGeneratorObject: (v) => tag(v) === 'Generator',
        isBoxedPrimitive: (v) => v instanceof Number || v instanceof String || v instanceof Boolean
            || v instanceof BigInt || v instanceof Symbol,
        isProxy: () => false,
    };

    function deprecate(fn, message, code) {
        let warned = false;
        return function deprecated(...args) {
            if (!warned) {
                warned = true;
                corral.host.write(2, `(node:1) ${code ? `[${code}] ` : ''}DeprecationWarning: ${message}\n`);
            }
            return new.target ? Reflect.construct(fn, args, new.target) : fn.apply(this, args);
        };
    }

    const util = {
        inspect: corral.inspect,
        format: corral.format,
        formatWithOptions(options, ...args) {
            return corral.format(...args);
        },
        isDeepStrictEqual(a, b) {
            corral.require('assert');
            return corral.isDeepStrictEqual(a, b);
        },
        promisify(fn) {
            if (typeof fn !== 'function') {
                const err = new TypeError(`The "original" argument must be of type function. Received ${corral.inspect(fn)}`);
                err.code = 'ERR_INVALID_ARG_TYPE';
                throw err;
            }
            if (typeof fn[util.promisify.custom] === 'function') {
                return fn[util.promisify.custom];
            }
            return function (...args) {
                return new Promise((resolve, reject) => {
                    fn.call(this, ...args, (err, value) => (err ? reject(err) : resolve(value)));
                });
            };
        },
        callbackify(fn) {
            return function (...args) {
                const callback = args.pop();
                fn.apply(this, args).then((value) => corral.loop.nextTick(callback, null, value),
                    (err) => corral.loop.nextTick(callback, err || Object.assign(new Error('Promise was rejected with a falsy value'), { reason: err })));
            };
        },
        inherits(ctor, superCtor) {
            Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
            Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
        },
        deprecate,
        types,
        isArray: Array.isArray,
        isError: (v) => v instanceof Error,
        stripVTControlCharacters: (s) => String(s).replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''),
        toUSVString: (s) => String(s).toWellFormed(),
        TextEncoder: global.TextEncoder,
        TextDecoder: global.TextDecoder,
    };
    util.promisify.custom = Symbol.for('nodejs.util.promisify.custom');

    const timers = {
        setTimeout: corral.loop.setTimeout,
        setInterval: corral.loop.setInterval,
        setImmediate: corral.loop.setImmediate,
        clearTimeout: corral.loop.clearTimeout,
        clearInterval: corral.loop.clearInterval,
        clearImmediate: corral.loop.clearImmediate,
        promises: {
            setTimeout: (ms, value) => new Promise((resolve) => corral.loop.setTimeout(resolve, ms, value)),
            setImmediate: (value) => new Promise((resolve) => corral.loop.setImmediate(resolve, value)),
        },
    };

    corral.loop.setTimeout[util.promisify.custom] = timers.promises.setTimeout;
    corral.loop.setImmediate[util.promisify.custom] = timers.promises.setImmediate;

    corral.builtins = {
        fs, events: EventEmitter, util, readline, process, timers,
        'timers/promises': timers.promises, 'fs/promises': fs.promises,
    };

    const module = { id: '.', filename: '/code/main.js', loaded: false, children: [], paths: [], exports: {} };
    corral.module = module;
    Object.defineProperty(global, 'module', { value: module, writable: true, configurable: true });
    Object.defineProperty(global, 'exports', { value: module.exports, writable: true, configurable: true });
    Object.defineProperty(global, '__filename', { value: '/code/main.js', writable: true, configurable: true });
    Object.defineProperty(global, '__dirname', { value: '/code', writable: true, configurable: true });
})();
