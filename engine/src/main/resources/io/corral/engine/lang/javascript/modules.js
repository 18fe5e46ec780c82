// `require`: Node's built-in modules. The few the prelude itself needs (fs, events, util, readline,
// timers, process) are defined by the earlier parts; every other one is loaded into the context on
// its first require through the host (corral.loadModule, bound in bind()), so a context pays nothing
// for modules it never uses. Those are either Corral's own files (node/*.js) or npm packages the
// build bundles (node_modules/*: buffer, path-browserify, pako, readable-stream, string_decoder,
// url, punycode), run as CommonJS modules.
(function () {
    const builtins = corral.builtins;

    // built-in name -> the file that implements it
    const files = {
        assert: 'node/assert.js',
        'assert/strict': 'node/assert_strict.js',
        buffer: 'node/buffer.js',
        crypto: 'node/crypto.js',
        os: 'node/os.js',
        path: 'node/path.js',
        'path/posix': 'node/path.js',
        punycode: 'node_modules/punycode/punycode.js',
        querystring: 'node/querystring.js',
        stream: 'node_modules/readable-stream/lib/stream.js',
        'stream/promises': 'node_modules/readable-stream/lib/stream/promises.js',
        string_decoder: 'node_modules/string_decoder/lib/string_decoder.js',
        url: 'node/url.js',
        'util/types': 'node/util_types.js',
        zlib: 'node/zlib.js',
    };

    // what bundled npm files ask for by package name, when it is not a built-in of the same name
    const packages = {
        'base64-js': 'node_modules/base64-js/index.js',
        ieee754: 'node_modules/ieee754/index.js',
        'punycode/': 'node_modules/punycode/punycode.js',
        'string_decoder/': 'string_decoder',
        'safe-buffer': 'buffer',
        'process/': 'process',
        'abort-controller': () => ({ AbortController: global.AbortController, AbortSignal: global.AbortSignal }),
        // the `url` package asks `qs` for what Node's url.parse does with querystring
        qs: () => {
            const querystring = require('querystring');
            return { parse: (text) => querystring.parse(text), stringify: (obj) => querystring.stringify(obj) };
        },
    };

    const unavailable = new Set(['child_process', 'net', 'http', 'https', 'http2', 'dgram', 'dns', 'tls',
        'cluster', 'worker_threads', 'vm', 'v8', 'inspector', 'repl', 'module', 'perf_hooks', 'async_hooks',
        'diagnostics_channel', 'tty', 'trace_events', 'wasi', 'sqlite', 'test']);

    const loaded = new Map();

    function notFound(request, why) {
        const err = new Error(`Cannot find module '${request}'${why}`);
        err.code = 'MODULE_NOT_FOUND';
        return err;
    }

    // runs one bundled file as a CommonJS module (once per context)
    function loadFile(path) {
        const cached = loaded.get(path);
        if (cached !== undefined) {
            return cached.exports;
        }
        const factory = corral.loadModule(path);
        if (factory === null || factory === undefined) {
            return undefined;
        }
        const module = { id: path, filename: path, loaded: false, exports: {} };
        loaded.set(path, module);
        const dir = path.slice(0, path.lastIndexOf('/'));
        try {
            factory.call(module.exports, module.exports, (request) => requireFrom(dir, request), module,
                `/${path}`, `/${dir}`, path.startsWith('node/') ? corral : undefined);
        } catch (e) {
            loaded.delete(path);
            throw e;
        }
        module.loaded = true;
        return module.exports;
    }

    function normalize(dir, request) {
        const parts = dir.split('/');
        for (const part of request.split('/')) {
            if (part === '..') {
                parts.pop();
            } else if (part !== '.' && part !== '') {
                parts.push(part);
            }
        }
        return parts.join('/');
    }

    // require() as seen by a bundled file in `dir`
    function requireFrom(dir, request) {
        if (request.startsWith('./') || request.startsWith('../')) {
            const base = normalize(dir, request);
            for (const candidate of base.endsWith('.js') ? [base] : [`${base}.js`, `${base}/index.js`]) {
                const exports = loadFile(candidate);
                if (exports !== undefined) {
                    return exports;
                }
            }
            throw notFound(request, ` from /${dir}`);
        }
        if (request.startsWith('node_modules/')) {
            return loadFile(request);
        }
        const target = packages[request];
        if (typeof target === 'function') {
            return target();
        }
        if (target !== undefined && target.endsWith('.js')) {
            return loadFile(target);
        }
        return require(target !== undefined ? target : request);
    }

    function require(name) {
        if (typeof name !== 'string') {
            const err = new TypeError(`The "id" argument must be of type string. Received ${corral.inspect(name)}`);
            err.code = 'ERR_INVALID_ARG_TYPE';
            throw err;
        }
        const id = name.startsWith('node:') ? name.slice(5) : name;
        if (Object.prototype.hasOwnProperty.call(builtins, id)) {
            return builtins[id];
        }
        if (Object.prototype.hasOwnProperty.call(files, id)) {
            const exports = loadFile(files[id]);
            if (exports === undefined) {
                throw notFound(name, ': its code is missing from this build of Corral');
            }
            return exports;
        }
        if (unavailable.has(id)) {
            throw notFound(name, `: the '${id}' module is not available in this sandbox (no processes, sockets or host access)`);
        }
        if (id.startsWith('./') || id.startsWith('../') || id.startsWith('/')) {
            throw notFound(name, ': only built-in modules can be required here (your code is the single file /code/main.js)');
        }
        throw notFound(name, ': npm packages are not available here; only Node\'s built-in modules can be required');
    }

    const userRequire = function require(name) {
        return requireBuiltin(name);
    };
    const requireBuiltin = require;
    userRequire.resolve = function resolve(name) {
        requireBuiltin(name);
        return String(name);
    };
    userRequire.cache = {};
    userRequire.main = corral.module;
    corral.require = requireBuiltin;
    Object.defineProperty(global, 'require', { value: userRequire, writable: true, configurable: true });

    // Buffer is a global in Node: loaded on first use
    Object.defineProperty(global, 'Buffer', {
        configurable: true,
        enumerable: false,
        get() {
            const value = requireBuiltin('buffer').Buffer;
            Object.defineProperty(global, 'Buffer', { value, writable: true, configurable: true, enumerable: false });
            return value;
        },
        set(value) {
            Object.defineProperty(global, 'Buffer', { value, writable: true, configurable: true, enumerable: false });
        },
    });
})();
