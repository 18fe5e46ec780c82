// Timers and the event loop. The loop itself is driven from the host (JavaScriptLanguage calls
// runOnce until it reports no work left): each call runs one macrotask and returns, and GraalJS
// runs the microtasks (promise jobs) whenever a host call into the guest ends. Waiting for the
// next timer happens in host.sleep, which the watchdog's cancel interrupts.
//
// Node's order: a turn runs the timers that are due, then the immediates queued before the turn's
// check phase, then internal tasks (stdin, like the poll phase). process.nextTick callbacks run
// right after the piece of code that queued them (the main script, a timer, an immediate), before
// the promise jobs it queued; ticks queued by promise jobs run once those jobs are drained.
corral.loop = (function () {
    const timers = [];
    let immediates = [];
    const tasks = [];
    let ticks = [];
    let phase = 'timers';
    // the loop's clock, as libuv's: read at the start of the main script and of every turn; timers
    // start from it, so a 0 ms timer set by the main script is due on the first turn, as in Node
    let phaseStart = -1;
    let checkBatch = [];
    let turnOpen = false;
    let nextId = 1;
    let seq = 0;

    function now() {
        return corral.host.clock() / 1e6;
    }

    function insert(timer) {
        let i = timers.length;
        while (i > 0 && (timers[i - 1].when > timer.when
                || (timers[i - 1].when === timer.when && timers[i - 1].seq > timer.seq))) {
            i--;
        }
        timers.splice(i, 0, timer);
    }

    function remove(timer) {
        const i = timers.indexOf(timer);
        if (i >= 0) {
            timers.splice(i, 1);
        }
    }

    class Timeout {
        constructor(callback, delay, args, repeat) {
            delay = Number(delay);
            if (!(delay >= 1 && delay <= 2147483647)) {
                delay = 1;
            }
            this._callback = callback;
            this._delay = delay;
            this._args = args;
            this._repeat = repeat;
            this._ref = true;
            this._id = nextId++;
            this._active = true;
            this.when = (phaseStart >= 0 ? phaseStart : now()) + delay;
            this.seq = seq++;
            insert(this);
        }

        ref() {
            this._ref = true;
            return this;
        }

        unref() {
            this._ref = false;
            return this;
        }

        hasRef() {
            return this._ref;
        }

        refresh() {
            if (this._active) {
                remove(this);
                this.when = now() + this._delay;
                this.seq = seq++;
                insert(this);
            }
            return this;
        }

        close() {
            clear(this);
            return this;
        }

        [Symbol.toPrimitive]() {
            return this._id;
        }
    }

    function clear(handle) {
        if (handle === undefined || handle === null) {
            return;
        }
        if (typeof handle === 'number' || typeof handle === 'string') {
            const id = Number(handle);
            handle = timers.find((t) => t._id === id);
            if (handle === undefined) {
                return;
            }
        }
        if (handle instanceof Timeout) {
            handle._active = false;
            remove(handle);
        } else if (handle instanceof Immediate) {
            handle._active = false;
        }
    }

    class Immediate {
        constructor(callback, args) {
            this._callback = callback;
            this._args = args;
            this._active = true;
            this._ref = true;
            immediates.push(this);
        }

        ref() {
            this._ref = true;
            return this;
        }

        unref() {
            this._ref = false;
            return this;
        }

        hasRef() {
            return this._ref;
        }
    }

    function checkCallback(callback) {
        if (typeof callback !== 'function') {
            const err = new TypeError(`The "callback" argument must be of type function. Received ${corral.inspect(callback)}`);
            err.code = 'ERR_INVALID_ARG_TYPE';
            throw err;
        }
    }

    function runTicks() {
        while (ticks.length > 0) {
            const batch = ticks;
            ticks = [];
            for (let i = 0; i < batch.length; i++) {
                try {
                    batch[i][0](...batch[i][1]);
                } catch (e) {
                    ticks = batch.slice(i + 1).concat(ticks);
                    throw e;
                }
            }
        }
    }

    const api = {
        setTimeout(callback, delay, ...args) {
            checkCallback(callback);
            return new Timeout(callback, delay, args, false);
        },
        setInterval(callback, delay, ...args) {
            checkCallback(callback);
            return new Timeout(callback, delay, args, true);
        },
        setImmediate(callback, ...args) {
            checkCallback(callback);
            return new Immediate(callback, args);
        },
        clearTimeout: clear,
        clearInterval: clear,
        clearImmediate: clear,
        queueMicrotask(callback) {
            checkCallback(callback);
            Promise.resolve().then(() => callback());
        },
        nextTick(callback, ...args) {
            checkCallback(callback);
            ticks.push([callback, args]);
        },
    };

    // Runs the main script's code, then the ticks it queued (before its promise jobs, as in Node).
    api.runMain = function runMain(program) {
        phaseStart = now();
        program();
        runTicks();
    };

    // Runs the next piece of work (ticks left by promise jobs, one due timer, one immediate or one
    // internal task), waiting for the next timer if nothing else is left. Returns false when
    // nothing is left that keeps the loop alive.
    api.runOnce = function runOnce() {
        if (phaseStart < 0) {
            phaseStart = now();
        }
        if (ticks.length > 0) {
            runTicks();
            return true;
        }
        for (let step = 0; step < 3; step++) {
            if (phase === 'timers') {
                if (!turnOpen) {
                    // a new turn: the loop's clock moves on (timers due by now run in this phase)
                    phaseStart = now();
                    turnOpen = true;
                }
                const timer = timers[0];
                if (timer !== undefined && timer.when <= phaseStart) {
                    timers.shift();
                    if (timer._repeat) {
                        timer.when = phaseStart + timer._delay;
                        timer.seq = seq++;
                        insert(timer);
                    } else {
                        timer._active = false;
                    }
                    timer._callback(...timer._args);
                    runTicks();
                    return true;
                }
                phase = 'check';
                turnOpen = false;
                checkBatch = immediates;
                immediates = [];
            }
            if (phase === 'check') {
                while (checkBatch.length > 0) {
                    const im = checkBatch.shift();
                    if (im._active) {
                        im._active = false;
                        im._callback(...im._args);
                        runTicks();
                        return true;
                    }
                }
                phase = 'tasks';
            }
            if (phase === 'tasks') {
                phase = 'timers';
                if (tasks.length > 0) {
                    tasks.shift()();
                    runTicks();
                    return true;
                }
            }
        }
        // a whole turn found nothing to run now
        if (immediates.length > 0 || tasks.length > 0) {
            return true;
        }
        if (!timers.some((t) => t._ref)) {
            return false;
        }
        const wait = timers[0].when - now();
        if (wait > 0) {
            corral.host.sleep(Math.ceil(wait));
        }
        return true;
    };

    // Milliseconds until the earliest pending timer (Infinity when none): a blocking host call such
    // as fetch waits no longer than that, so a timer meant to abort it can still fire.
    api.nextTimerIn = function nextTimerIn() {
        return timers.length === 0 ? Infinity : Math.max(0, timers[0].when - now());
    };

    // Drops every pending timer, immediate, task and tick (a warm instance's next call starts with
    // an empty loop, as a fresh context would).
    api.reset = function reset() {
        for (const t of timers) {
            t._active = false;
        }
        timers.length = 0;
        for (const im of immediates.concat(checkBatch)) {
            im._active = false;
        }
        immediates = [];
        checkBatch = [];
        tasks.length = 0;
        ticks = [];
        phase = 'timers';
        phaseStart = -1;
        turnOpen = false;
    };

    // Internal macrotasks (stdin delivery): run before timers, like Node's poll phase on a ready fd.
    api.enqueueTask = function (task) {
        tasks.push(task);
    };

    return api;
})();

for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval',
    'clearImmediate', 'queueMicrotask']) {
    Object.defineProperty(global, name, {
        value: corral.loop[name], writable: true, configurable: true, enumerable: true,
    });
}
