// Corral's PHP runtime: evaluated once in every fresh PHP context. PHP is the Emscripten build
// published as @php-wasm/node-8-4 (its loader is spliced in below by PhpLanguage, minus its Node
// import lines), driven directly through the module factory with an in-memory file system only:
// no Node APIs, no host files, no network. The context is created and PHP instantiated before
// the execution is known; bind() then hands it the execution's stdin, argv and environment.
(function (global) {
    // --- the few web APIs the loader touches -----------------------------------------------
    // The loader encodes a few constant strings with TextEncoder. It decodes C strings with its
    // own UTF-8 decoder when there is no TextDecoder, so none is provided. PHP's stdin and output
    // never pass through text here: they cross to the host as bytes (see write and bind).
    function utf8Encode(text) {
        // encodeURIComponent writes UTF-8 as %XX escapes and unescape turns each into one char
        const binary = unescape(encodeURIComponent(String(text).toWellFormed()));
        const out = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) {
            out[i] = binary.charCodeAt(i);
        }
        return out;
    }

    if (typeof global.TextEncoder === 'undefined') {
        global.TextEncoder = class TextEncoder {
            get encoding() { return 'utf-8'; }
            encode(text) { return utf8Encode(text === undefined ? '' : text); }
        };
    }
    if (typeof global.performance === 'undefined') {
        global.performance = { now: () => Date.now() };
    }
    if (typeof global.crypto === 'undefined') {
        // Once an execution is bound, PHP's random_bytes() and /dev/urandom are fed by the host's
        // SecureRandom (through the bridge). Before that — while PHP starts, ahead of any request —
        // nothing secret is drawn, and Math.random fills in.
        global.crypto = {
            getRandomValues(view) {
                const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
                for (let done = 0; done < bytes.length;) {
                    const n = Math.min(65536, bytes.length - done);
                    if (host !== null) {
                        const hex = host.randomBytes(n);
                        for (let i = 0; i < n; i++) {
                            bytes[done + i] = parseInt(hex.substr(i * 2, 2), 16);
                        }
                    } else {
                        for (let i = 0; i < n; i++) {
                            bytes[done + i] = (Math.random() * 256) | 0;
                        }
                    }
                    done += n;
                }
                return view;
            },
        };
    }
    // Timers for PHP's asyncify sleeps: the host polls (see poll()) and waits between due times.
    const timers = new Map();
    let nextTimer = 1;
    global.setTimeout = function (fn, ms, ...args) {
        const id = nextTimer++;
        timers.set(id, { fn, args, due: Date.now() + Math.max(0, Number(ms) || 0) });
        return id;
    };
    global.clearTimeout = function (id) {
        timers.delete(id);
    };
    global.setInterval = function () {
        throw new Error('setInterval is not available in the PHP runtime');
    };
    global.clearInterval = global.clearTimeout;
    if (typeof global.console === 'undefined') {
        global.console = { log() {}, warn() {}, error() {}, info() {}, debug() {} };
    }

    // --- the Emscripten loader of @php-wasm/node-8-4 ------------------------------------------
    const init = (function () {
/*@corral-php-loader@*/
        return init;
    })();

    // --- one PHP instance per context ----------------------------------------------------------
    const INI_PATH = '/internal/shared/php.ini';
    let host = null;
    let output = null;
    let stdinBytes = new Uint8Array(0);
    let stdinPos = 0;
    // The C environment is copied when PHP is instantiated (before the request is known), so it
    // is left empty: Emscripten's defaults (PATH, HOME, USER, ...) read as unset, and the loader's
    // own PATH assignment is ignored. The request's variables arrive through prepend.php.
    const env = {};
    for (const key of ['USER', 'LOGNAME', 'PATH', 'PWD', 'HOME', 'LANG', '_']) {
        Object.defineProperty(env, key, { get: () => undefined, set() {}, enumerable: true });
    }
    let php = null;
    let startupError = null;
    let outcome = null;

    // PHP's output: chunks of WebAssembly memory (signed bytes, a view that later writes reuse),
    // copied and handed to the host as bytes. Emscripten's own messages (print/printErr) are
    // lines of text without their newline, as console.log takes them.
    function write(fd, data) {
        if (host === null || data === undefined || data === null) {
            return;
        }
        if (typeof data === 'string') {
            host.write(fd, data + '\n');
        } else if (data.length > 0) {
            output(fd, new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice().buffer);
        }
    }

    // Starts PHP; it comes up when the host regains control (the loader's promise jobs run
    // then), after which the host calls prepare().
    function instantiate(wasmBuffer) {
        const compiled = new WebAssembly.Module(new Uint8Array(new ArrayBuffer(wasmBuffer)));
        // the object handed to the factory is the Emscripten Module itself: its API once it is up
        const module = {
            ENV: env,
            noInitialRun: true,
            locateFile: (p) => p,
            instantiateWasm(imports, receive) {
                receive(new WebAssembly.Instance(compiled, imports), compiled);
                return {};
            },
            stdin() {
                return stdinPos < stdinBytes.length ? stdinBytes[stdinPos++] : null;
            },
            print: (text) => write(1, text),
            printErr: (text) => write(2, text),
            onStdout: (chunk) => write(1, chunk),
            onStderr: (chunk) => write(2, chunk),
            onHeaders() {},
            onAbort(what) { startupError = startupError || what; },
            onRuntimeInitialized() {
                php = module;
            },
            quit(status, toThrow) {
                throw toThrow;
            },
        };
        init('CORRAL', module);
    }

    // /dev/corral-http: PHP writes one JSON request, then reads the answer (a JSON line, then the
    // raw body). The read makes the host call through the bridge, synchronously.
    let httpRequest = [];
    let httpAnswer = null;
    let httpPos = 0;

    function base64ToBinary(b64) {
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
        let out = '';
        let buffer = 0;
        let bits = 0;
        for (let i = 0; i < b64.length; i++) {
            const v = alphabet.indexOf(b64[i]);
            if (v < 0) {
                continue;
            }
            buffer = (buffer << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out += String.fromCharCode((buffer >> bits) & 0xff);
            }
        }
        return out;
    }

    function httpCall() {
        // http.php writes the request with json_encode's default flags: ASCII only
        let text = '';
        for (let i = 0; i < httpRequest.length; i += 8192) {
            text += String.fromCharCode.apply(null, httpRequest.slice(i, i + 8192));
        }
        const req = JSON.parse(text);
        httpRequest = [];
        const millis = req.timeout !== undefined && req.timeout >= 0 ? req.timeout * 1000 : -1;
        const r = host.http(req.method, req.url, JSON.stringify(req.headers || []), base64ToBinary(req.body || ''),
            millis);
        const meta = r.ok
            ? { ok: true, status: r.status, statusText: r.statusText, url: r.url, headers: JSON.parse(r.headers) }
            : { ok: false, error: r.error };
        const head = utf8Encode(JSON.stringify(meta) + '\n');
        const body = r.ok ? r.body : '';
        const all = new Uint8Array(head.length + body.length);
        all.set(head, 0);
        for (let i = 0; i < body.length; i++) {
            all[head.length + i] = body.charCodeAt(i);
        }
        return all;
    }

    function httpInput() {
        if (httpAnswer === null) {
            if (httpRequest.length === 0) {
                return null; // nothing asked since the last answer was read: end of file
            }
            httpAnswer = httpCall();
            httpPos = 0;
        }
        if (httpPos < httpAnswer.length) {
            return httpAnswer[httpPos++];
        }
        httpAnswer = null;
        return null;
    }

    function httpOutput(byte) {
        if (byte !== null && byte !== undefined) {
            httpRequest.push(byte & 0xff);
        }
    }

    // Rewrites C string literals of the build in place (PhpLanguage found their addresses in the
    // module's data section): only when the bytes there are the expected text, and never longer.
    function rewriteMessages(rewritesJson) {
        for (const [address, text, replacement] of JSON.parse(rewritesJson)) {
            const n = php.lengthBytesUTF8(text);
            if (php.lengthBytesUTF8(replacement) <= n && php.UTF8ToString(address, n) === text
                && php.HEAPU8[address + n] === 0) {
                php.stringToUTF8(replacement, address, n + 1);
            }
        }
    }

    // Once PHP has started an execution (prepend.php writes to /dev/corral-started before the
    // script is compiled): PHP_OS_FAMILY says "Unknown", as the build is not compiled for
    // __linux__, while PHP_OS already says "Linux". PHP_OS_FAMILY is given PHP_OS's interned
    // string "Linux" (interned strings are shared freely and carry their hash).
    function adjustStartedPhp() {
        const family = constantString('PHP_OS_FAMILY');
        const os = constantString('PHP_OS');
        if (family !== null && os !== null && family.text === 'Unknown' && os.text === 'Linux') {
            php.HEAPU32[family.zval >> 2] = php.HEAPU32[os.zval >> 2];
        }
    }

    /** A string constant's zval address and text, or null. */
    function constantString(name) {
        const namePtr = php._malloc(name.length + 1);
        php.stringToUTF8(name, namePtr, name.length + 1);
        const zval = php._zend_get_constant_str(namePtr, name.length);
        php._free(namePtr);
        const IS_STRING = 6;
        if (!zval || php.HEAPU8[zval + 8] !== IS_STRING) {
            return null;
        }
        // zend_string in this build (64-bit integers on wasm32): refcount and type info (4 bytes
        // each), the hash (8), the length (4), then the text
        const str = php.HEAPU32[zval >> 2];
        return { zval, text: php.UTF8ToString(str + 20, php.HEAPU32[(str + 16) >> 2]) };
    }

    function prepare(iniText, functionRunner, prepend, httpPhp, rewritesJson) {
        if (php === null) {
            throw new Error('PHP did not start' + (startupError ? ': ' + startupError : ''));
        }
        rewriteMessages(rewritesJson);
        php.FS.mkdirTree('/internal/shared');
        php.FS.mkdirTree('/internal/corral');
        php.FS.mkdirTree('/code');
        php.FS.mkdirTree('/tmp');
        php.FS.writeFile(INI_PATH, iniText);
        php.FS.writeFile('/internal/corral/run-function.php', functionRunner);
        php.FS.writeFile('/internal/corral/prepend.php', prepend);
        php.FS.writeFile('/internal/corral/http.php', httpPhp);
        php.FS.createDevice('/dev', 'corral-http', httpInput, httpOutput);
        let started = false;
        php.FS.createDevice('/dev', 'corral-started', () => null, () => {
            if (!started) {
                started = true;
                adjustStartedPhp();
            }
        });
        php.FS.chdir('/code');
        php.ccall('wasm_set_phpini_path', null, ['string'], [INI_PATH]);
    }

    function bind(bridge, outputBytes, path, argvJson, envJson, stdin, filesJson) {
        host = bridge;
        output = outputBytes;
        // input files: read-only under /mnt/req, as in every language
        const dirs = new Set();
        for (const [file, contents] of JSON.parse(filesJson || '[]')) {
            const full = '/mnt/req/' + file;
            const parent = full.substring(0, full.lastIndexOf('/'));
            php.FS.mkdirTree(parent);
            php.FS.writeFile(full, contents);
            php.FS.chmod(full, 0o444);
            for (let d = parent; d.length >= '/mnt/req'.length; d = d.substring(0, d.lastIndexOf('/'))) {
                dirs.add(d);
            }
        }
        // Read-only means read-only for PHP code too: the input files and their folders lose their
        // write bits, and their nodes refuse every attribute change (chmod, chown, truncate, touch),
        // so a guest cannot give the bits back. The root and the runtime's folders are sealed the
        // same way: writes go to /tmp (and the runtime's own /internal/corral) only.
        for (const [file] of JSON.parse(filesJson || '[]')) {
            seal('/mnt/req/' + file, 0o444);
        }
        for (const d of dirs) {
            seal(d, 0o555);
        }
        for (const d of ['/mnt/req', '/mnt', '/dev', '/internal/shared', '/internal', '/']) {
            if (php.FS.analyzePath(d).exists) {
                seal(d, 0o555);
            }
        }
        stdinBytes = new Uint8Array(new ArrayBuffer(stdin)).slice();
        stdinPos = 0;
        php.FS.writeFile('/internal/corral/env.json', envJson);
        php.__corral_script = path;
        php.__corral_argv = JSON.parse(argvJson);
    }

    /** Takes the write bits off a file or folder and makes its node refuse attribute changes. */
    function seal(path, mode) {
        const node = php.FS.lookupPath(path).node;
        if (node.__corral_sealed) {
            return;
        }
        php.FS.chmod(path, mode);
        const ops = node.node_ops;
        node.node_ops = Object.assign(Object.create(Object.getPrototypeOf(ops)), ops, {
            setattr() {
                throw new php.FS.ErrnoError(69); // EROFS
            }
        });
        node.__corral_sealed = true;
    }

    function start(script, code, inputJson) {
        php.FS.writeFile(php.__corral_script, code);
        const codeDir = php.__corral_script.substring(0, php.__corral_script.lastIndexOf('/')) || '/';
        seal(php.__corral_script, 0o444);
        seal(codeDir, 0o555);
        if (inputJson !== null && inputJson !== undefined) {
            php.FS.writeFile('/internal/corral/input.json', inputJson);
        }
        const argv = ['php', '-c', INI_PATH, script].concat(php.__corral_argv);
        for (const arg of argv) {
            php.ccall('wasm_add_cli_arg', null, ['string'], [arg]);
        }
        let result;
        try {
            result = php.ccall('run_cli', 'number', [], [], { async: true });
        } catch (e) {
            finish(e);
            return;
        }
        Promise.resolve(result).then((status) => {
            outcome = outcome || { exit: typeof status === 'number' ? status : 0 };
        }, finish);
    }

    function finish(e) {
        if (outcome !== null) {
            return;
        }
        if (e && typeof e.status === 'number') {
            outcome = { exit: e.status };
        } else {
            outcome = { crash: String(e && e.stack ? e.stack : e) };
        }
    }

    // The host calls poll() until PHP is done; promise jobs run each time control returns to
    // the host, and due timers (PHP's sleeps) run here. Returns -1 when done, else ms to wait.
    function poll() {
        if (outcome !== null) {
            return -1;
        }
        const now = Date.now();
        let wait = 50;
        for (const [id, t] of timers) {
            if (t.due <= now) {
                timers.delete(id);
                t.fn(...t.args);
                return 0;
            }
            wait = Math.min(wait, t.due - now);
        }
        return Math.max(0, wait);
    }

    function result() {
        if (outcome === null) {
            return JSON.stringify({ pending: true });
        }
        const r = Object.assign({}, outcome);
        if (php.FS.analyzePath('/internal/corral/status').exists) {
            r.status = php.FS.readFile('/internal/corral/status', { encoding: 'utf8' });
        }
        if (php.FS.analyzePath('/internal/corral/output.json').exists) {
            r.output = php.FS.readFile('/internal/corral/output.json', { encoding: 'utf8' });
        }
        return JSON.stringify(r);
    }

    return {
        instantiate,
        prepare,
        bind,
        runScript(code) { start(php.__corral_script, code, null); },
        runFunction(code, inputJson) { start('/internal/corral/run-function.php', code, inputJson); },
        poll,
        result,
    };
})(globalThis);
