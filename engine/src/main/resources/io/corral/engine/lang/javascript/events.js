// A small EventEmitter (the `events` module): what process, process.stdin and readline need, and
// what scripts use most (on/once/off/emit/listenerCount).
corral.EventEmitter = (function () {
    class EventEmitter {
        constructor() {
            Object.defineProperty(this, '_events', { value: new Map(), writable: true });
        }

        _list(name) {
            if (this._events === undefined) {
                Object.defineProperty(this, '_events', { value: new Map(), writable: true });
            }
            let list = this._events.get(name);
            if (list === undefined) {
                list = [];
                this._events.set(name, list);
            }
            return list;
        }

        on(name, listener) {
            if (typeof listener !== 'function') {
                throw new TypeError('The "listener" argument must be of type function');
            }
            this._list(name).push({ listener, once: false });
            if (typeof this._onListener === 'function') {
                this._onListener(name);
            }
            return this;
        }

        addListener(name, listener) {
            return this.on(name, listener);
        }

        prependListener(name, listener) {
            this._list(name).unshift({ listener, once: false });
            return this;
        }

        once(name, listener) {
            if (typeof listener !== 'function') {
                throw new TypeError('The "listener" argument must be of type function');
            }
            this._list(name).push({ listener, once: true });
            if (typeof this._onListener === 'function') {
                this._onListener(name);
            }
            return this;
        }

        off(name, listener) {
            const list = this._list(name);
            const i = list.findIndex((e) => e.listener === listener);
            if (i >= 0) {
                list.splice(i, 1);
            }
            return this;
        }

        removeListener(name, listener) {
            return this.off(name, listener);
        }

        removeAllListeners(name) {
            if (name === undefined) {
                this._events = new Map();
            } else {
                this._events.delete(name);
            }
            return this;
        }

        emit(name, ...args) {
            const list = this._list(name);
            if (list.length === 0) {
                if (name === 'error') {
                    throw args[0] instanceof Error ? args[0] : new Error(`Unhandled error. (${args[0]})`);
                }
                return false;
            }
            for (const entry of list.slice()) {
                if (entry.once) {
                    this.off(name, entry.listener);
                }
                entry.listener.apply(this, args);
            }
            return true;
        }

        listenerCount(name) {
            return this._list(name).length;
        }

        listeners(name) {
            return this._list(name).map((e) => e.listener);
        }

        eventNames() {
            return [...this._events.keys()].filter((k) => this._events.get(k).length > 0);
        }

        setMaxListeners() {
            return this;
        }
    }
    EventEmitter.EventEmitter = EventEmitter;
    EventEmitter.once = function (emitter, name) {
        return new Promise((resolve, reject) => {
            emitter.once(name, (...args) => resolve(args));
            if (name !== 'error') {
                emitter.once('error', reject);
            }
        });
    };
    return EventEmitter;
})();
