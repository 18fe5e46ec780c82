// WHATWG fetch over the host's egress gateway: Headers, Request, Response, AbortController,
// AbortSignal. Every request leaves through corral.host.http, which applies the request's
// http.allow rules and adds credentials the guest never sees. A refused request rejects with a
// TypeError naming the host and the reason, as Node's fetch rejects on a network error.
(function () {
    function define(name, value) {
        Object.defineProperty(global, name, { value, writable: true, configurable: true });
    }

    function binaryToBytes(s) {
        const out = new Uint8Array(s.length);
        for (let i = 0; i < s.length; i++) {
            out[i] = s.charCodeAt(i);
        }
        return out;
    }

    function bytesToBinary(bytes) {
        let s = '';
        for (let i = 0; i < bytes.length; i += 8192) {
            s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
        }
        return s;
    }

    class DOMException extends Error {
        constructor(message = '', name = 'Error') {
            super(message);
            Object.defineProperty(this, 'name', { value: name, configurable: true, writable: true });
        }
    }
    if (typeof global.DOMException === 'undefined') {
        define('DOMException', DOMException);
    }

    class EventTarget {
        constructor() {
            this._listeners = {};
        }

        addEventListener(type, listener, options) {
            (this._listeners[type] = this._listeners[type] || []).push({
                listener, once: !!(options && options.once),
            });
        }

        removeEventListener(type, listener) {
            this._listeners[type] = (this._listeners[type] || []).filter((l) => l.listener !== listener);
        }

        dispatchEvent(event) {
            for (const l of (this._listeners[event.type] || []).slice()) {
                if (l.once) {
                    this.removeEventListener(event.type, l.listener);
                }
                if (typeof l.listener === 'function') {
                    l.listener.call(this, event);
                } else if (l.listener && typeof l.listener.handleEvent === 'function') {
                    l.listener.handleEvent(event);
                }
            }
            return true;
        }
    }
    if (typeof global.EventTarget === 'undefined') {
        define('EventTarget', EventTarget);
    }

    class AbortSignal extends EventTarget {
        constructor() {
            super();
            this.aborted = false;
            this.reason = undefined;
            this.onabort = null;
        }

        throwIfAborted() {
            if (this.aborted) {
                throw this.reason;
            }
        }

        _abort(reason) {
            if (this.aborted) {
                return;
            }
            this.aborted = true;
            this.reason = reason === undefined ? new global.DOMException('This operation was aborted', 'AbortError')
                : reason;
            const event = { type: 'abort', target: this };
            if (typeof this.onabort === 'function') {
                this.onabort(event);
            }
            this.dispatchEvent(event);
        }

        static abort(reason) {
            const s = new AbortSignal();
            s._abort(reason);
            return s;
        }

        static timeout(ms) {
            const s = new AbortSignal();
            s._deadline = corral.host.clock() / 1e6 + Number(ms);
            const t = global.setTimeout(() => s._abort(new global.DOMException(
                'The operation was aborted due to timeout', 'TimeoutError')), ms);
            if (t && typeof t.unref === 'function') {
                t.unref();
            }
            return s;
        }
    }

    class AbortController {
        constructor() {
            this.signal = new AbortSignal();
        }

        abort(reason) {
            this.signal._abort(reason);
        }
    }

    if (typeof global.AbortController === 'undefined') {
        define('AbortController', AbortController);
        define('AbortSignal', AbortSignal);
    }

    class Headers {
        constructor(init) {
            this._list = [];
            if (init instanceof Headers) {
                init.forEach((v, k) => this.append(k, v));
            } else if (Array.isArray(init)) {
                for (const [k, v] of init) {
                    this.append(k, v);
                }
            } else if (init && typeof init === 'object') {
                for (const k of Object.keys(init)) {
                    this.append(k, init[k]);
                }
            }
        }

        append(name, value) {
            this._list.push([String(name).toLowerCase(), String(value)]);
        }

        set(name, value) {
            this.delete(name);
            this.append(name, value);
        }

        get(name) {
            const n = String(name).toLowerCase();
            const values = this._list.filter(([k]) => k === n).map(([, v]) => v);
            return values.length === 0 ? null : values.join(', ');
        }

        has(name) {
            const n = String(name).toLowerCase();
            return this._list.some(([k]) => k === n);
        }

        delete(name) {
            const n = String(name).toLowerCase();
            this._list = this._list.filter(([k]) => k !== n);
        }

        forEach(callback, thisArg) {
            for (const [k, v] of this.entries()) {
                callback.call(thisArg, v, k, this);
            }
        }

        * entries() {
            const names = [...new Set(this._list.map(([k]) => k))].sort();
            for (const n of names) {
                yield [n, this.get(n)];
            }
        }

        * keys() {
            for (const [k] of this.entries()) {
                yield k;
            }
        }

        * values() {
            for (const [, v] of this.entries()) {
                yield v;
            }
        }

        [Symbol.iterator]() {
            return this.entries();
        }
    }

    function bodyToBytes(body) {
        if (body === undefined || body === null) {
            return null;
        }
        if (typeof body === 'string') {
            return new TextEncoder().encode(body);
        }
        if (body instanceof global.URLSearchParams) {
            return new TextEncoder().encode(body.toString());
        }
        if (body instanceof ArrayBuffer) {
            return new Uint8Array(body);
        }
        if (ArrayBuffer.isView(body)) {
            return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
        }
        return new TextEncoder().encode(String(body));
    }

    class Body {
        _initBody(bytes) {
            this._bytes = bytes;
            this.bodyUsed = false;
        }

        _consume() {
            if (this.bodyUsed) {
                return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
            }
            this.bodyUsed = true;
            return Promise.resolve(this._bytes || new Uint8Array(0));
        }

        text() {
            return this._consume().then((b) => new TextDecoder().decode(b));
        }

        json() {
            return this.text().then((t) => JSON.parse(t));
        }

        arrayBuffer() {
            return this._consume().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
        }

        bytes() {
            return this._consume().then((b) => new Uint8Array(b));
        }
    }

    class Request extends Body {
        constructor(input, init = {}) {
            super();
            const base = input instanceof Request ? input : null;
            this.url = base ? base.url : new global.URL(String(input)).href;
            this.method = String(init.method || (base ? base.method : 'GET')).toUpperCase();
            this.headers = new Headers(init.headers || (base ? base.headers : undefined));
            this.signal = init.signal || (base ? base.signal : null);
            this.redirect = init.redirect || 'follow';
            const bytes = init.body !== undefined ? bodyToBytes(init.body) : (base ? base._bytes : null);
            if (bytes && (this.method === 'GET' || this.method === 'HEAD')) {
                throw new TypeError('Request with GET/HEAD method cannot have body.');
            }
            if (typeof init.body === 'string' && !this.headers.has('content-type')) {
                this.headers.set('content-type', 'text/plain;charset=UTF-8');
            } else if (init.body instanceof global.URLSearchParams && !this.headers.has('content-type')) {
                this.headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
            }
            this._initBody(bytes);
        }

        clone() {
            return new Request(this, { body: this._bytes });
        }
    }

    class Response extends Body {
        constructor(body = null, init = {}) {
            super();
            this.status = init.status === undefined ? 200 : init.status;
            this.statusText = init.statusText || '';
            this.headers = new Headers(init.headers);
            this.url = init.url || '';
            this.redirected = !!init.redirected;
            this.type = 'basic';
            this._initBody(bodyToBytes(body));
        }

        get ok() {
            return this.status >= 200 && this.status < 300;
        }

        clone() {
            return new Response(this._bytes, this);
        }

        static json(data, init = {}) {
            const headers = new Headers(init.headers);
            if (!headers.has('content-type')) {
                headers.set('content-type', 'application/json');
            }
            return new Response(JSON.stringify(data), { ...init, headers });
        }

        static error() {
            const r = new Response(null, { status: 0 });
            r.type = 'error';
            return r;
        }
    }

    function networkError(reason) {
        return new TypeError('fetch failed: ' + reason, { cause: new Error(reason) });
    }

    async function fetch(input, init = {}) {
        const request = new Request(input, init);
        const signal = request.signal;
        if (signal && signal.aborted) {
            throw signal.reason;
        }
        // Let queued work run first (the request is sent from a macrotask, as in Node).
        await new Promise((resolve) => global.setImmediate(resolve));
        if (signal && signal.aborted) {
            throw signal.reason;
        }
        const headers = [];
        request.headers.forEach((v, k) => headers.push([k, v]));
        const result = corral.host.http(request.method, request.url, JSON.stringify(headers),
            request._bytes ? bytesToBinary(request._bytes) : '', abortWithin(signal));
        if (!result.ok) {
            if (signal) {
                // a timer that was due to abort this request runs now, before the failure is reported
                await new Promise((resolve) => global.setTimeout(resolve, 0));
                if (signal.aborted) {
                    throw signal.reason;
                }
            }
            throw networkError(result.error);
        }
        const response = new Response(binaryToBytes(result.body), {
            status: result.status,
            statusText: result.statusText,
            headers: JSON.parse(result.headers),
            url: result.url,
        });
        response.redirected = result.url !== request.url;
        return response;
    }

    // How long the blocking host call may take before an abort the guest arranged would fire.
    function abortWithin(signal) {
        if (!signal) {
            return -1;
        }
        if (signal._deadline !== undefined) {
            return Math.max(0, signal._deadline - corral.host.clock() / 1e6);
        }
        const next = corral.loop.nextTimerIn();
        return next === Infinity ? -1 : next;
    }

    define('fetch', fetch);
    define('Headers', Headers);
    define('Request', Request);
    define('Response', Response);
})();
