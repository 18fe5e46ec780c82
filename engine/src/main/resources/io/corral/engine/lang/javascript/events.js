// The `events` module's EventEmitter: what process, process.stdin and readline need, and what
// scripts and the bundled stream modules use (on/once/off/emit/prepend*, listener counts, 'error'
// without a listener throws, 'newListener'/'removeListener' events). A plain constructor function,
// as in Node, so old-style subclasses (`EventEmitter.call(this)` + util.inherits) work too.
corral.EventEmitter = (function () {
    const errorMonitor = Symbol('events.errorMonitor');
    let defaultMaxListeners = 10;

    function checkListener(listener) {
        if (typeof listener !== 'function') {
            const err = new TypeError(`The "listener" argument must be of type function. Received ${corral.inspect(listener)}`);
            err.code = 'ERR_INVALID_ARG_TYPE';
            throw err;
        }
    }

    function EventEmitter(opts) {
        EventEmitter.init.call(this, opts);
    }

    EventEmitter.init = function init() {
        if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
            Object.defineProperty(this, '_events', { value: new Map(), writable: true, configurable: true });
        }
        if (this._maxListeners === undefined) {
            Object.defineProperty(this, '_maxListeners', { value: undefined, writable: true, configurable: true });
        }
    };

    function events(emitter) {
        if (!(emitter._events instanceof Map)) {
            Object.defineProperty(emitter, '_events', { value: new Map(), writable: true, configurable: true });
        }
        return emitter._events;
    }

    function list(emitter, name) {
        const all = events(emitter);
        let entries = all.get(name);
        if (entries === undefined) {
            entries = [];
            all.set(name, entries);
        }
        return entries;
    }

    function add(emitter, name, listener, once, prepend) {
        checkListener(listener);
        if (events(emitter).has('newListener') && list(emitter, 'newListener').length > 0) {
            emitter.emit('newListener', name, listener);
        }
        const entries = list(emitter, name);
        const entry = { listener, once };
        if (prepend) {
            entries.unshift(entry);
        } else {
            entries.push(entry);
        }
        if (typeof emitter._onListener === 'function') {
            emitter._onListener(name);
        }
        return emitter;
    }

    const proto = EventEmitter.prototype;
    Object.defineProperty(proto, '_events', { value: undefined, writable: true, configurable: true });
    Object.defineProperty(proto, '_maxListeners', { value: undefined, writable: true, configurable: true });

    proto.on = function on(name, listener) {
        return add(this, name, listener, false, false);
    };
    proto.addListener = proto.on;
    proto.prependListener = function prependListener(name, listener) {
        return add(this, name, listener, false, true);
    };
    proto.once = function once(name, listener) {
        return add(this, name, listener, true, false);
    };
    proto.prependOnceListener = function prependOnceListener(name, listener) {
        return add(this, name, listener, true, true);
    };
    proto.off = function off(name, listener) {
        checkListener(listener);
        const entries = events(this).get(name);
        if (entries === undefined) {
            return this;
        }
        for (let i = entries.length - 1; i >= 0; i--) {
            if (entries[i].listener === listener) {
                entries.splice(i, 1);
                if (entries.length === 0) {
                    events(this).delete(name);
                }
                if (events(this).has('removeListener')) {
                    this.emit('removeListener', name, listener);
                }
                break;
            }
        }
        return this;
    };
    proto.removeListener = proto.off;
    proto.removeAllListeners = function removeAllListeners(name) {
        if (name === undefined) {
            events(this).clear();
        } else {
            events(this).delete(name);
        }
        return this;
    };
    proto.emit = function emit(name, ...args) {
        if (name === 'error') {
            const monitors = events(this).get(errorMonitor);
            if (monitors !== undefined) {
                for (const entry of monitors.slice()) {
                    entry.listener.apply(this, args);
                }
            }
        }
        const entries = events(this).get(name);
        if (entries === undefined || entries.length === 0) {
            if (name === 'error') {
                const er = args[0];
                if (er instanceof Error) {
                    throw er;
                }
                const err = new Error(`Unhandled error. (${corral.inspect(er)})`);
                err.code = 'ERR_UNHANDLED_ERROR';
                err.context = er;
                throw err;
            }
            return false;
        }
        for (const entry of entries.slice()) {
            if (entry.once) {
                const i = entries.indexOf(entry);
                if (i >= 0) {
                    entries.splice(i, 1);
                    if (entries.length === 0) {
                        events(this).delete(name);
                    }
                    if (name !== 'removeListener' && events(this).has('removeListener')) {
                        this.emit('removeListener', name, entry.listener);
                    }
                }
            }
            entry.listener.apply(this, args);
        }
        return true;
    };
    proto.listenerCount = function listenerCount(name, listener) {
        const entries = events(this).get(name) || [];
        return listener === undefined ? entries.length : entries.filter((e) => e.listener === listener).length;
    };
    proto.listeners = function listeners(name) {
        return (events(this).get(name) || []).map((e) => e.listener);
    };
    proto.rawListeners = proto.listeners;
    proto.eventNames = function eventNames() {
        return [...events(this).keys()].filter((k) => events(this).get(k).length > 0);
    };
    proto.setMaxListeners = function setMaxListeners(n) {
        this._maxListeners = n;
        return this;
    };
    proto.getMaxListeners = function getMaxListeners() {
        return this._maxListeners === undefined ? defaultMaxListeners : this._maxListeners;
    };

    EventEmitter.EventEmitter = EventEmitter;
    EventEmitter.errorMonitor = errorMonitor;
    EventEmitter.captureRejectionSymbol = Symbol.for('nodejs.rejection');
    Object.defineProperty(EventEmitter, 'defaultMaxListeners', {
        enumerable: true,
        get: () => defaultMaxListeners,
        set: (n) => {
            defaultMaxListeners = n;
        },
    });
    EventEmitter.listenerCount = (emitter, name) => emitter.listenerCount(name);
    EventEmitter.once = function once(emitter, name) {
        return new Promise((resolve, reject) => {
            const onError = (err) => {
                emitter.removeListener(name, onEvent);
                reject(err);
            };
            const onEvent = (...args) => {
                if (name !== 'error') {
                    emitter.removeListener('error', onError);
                }
                resolve(args);
            };
            emitter.once(name, onEvent);
            if (name !== 'error') {
                emitter.once('error', onError);
            }
        });
    };
    EventEmitter.on = function on(emitter, name) {
        const queue = [];
        const waiting = [];
        emitter.on(name, (...args) => {
            if (waiting.length > 0) {
                waiting.shift().resolve({ value: args, done: false });
            } else {
                queue.push(args);
            }
        });
        return {
            next() {
                if (queue.length > 0) {
                    return Promise.resolve({ value: queue.shift(), done: false });
                }
                return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
            },
            return() {
                return Promise.resolve({ value: undefined, done: true });
            },
            [Symbol.asyncIterator]() {
                return this;
            },
        };
    };
    EventEmitter.getEventListeners = (emitter, name) => emitter.listeners(name);
    EventEmitter.setMaxListeners = () => undefined;
    EventEmitter.addAbortListener = function addAbortListener(signal, listener) {
        if (signal.aborted) {
            queueMicrotask(() => listener());
        } else {
            signal.addEventListener('abort', listener, { once: true });
        }
        return { [Symbol.dispose || Symbol.for('dispose')]() {
            signal.removeEventListener('abort', listener);
        } };
    };
    return EventEmitter;
})();
