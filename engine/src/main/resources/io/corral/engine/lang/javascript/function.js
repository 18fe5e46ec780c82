// The function contract: find `execute`, call it with the request's input (JSON.parse semantics),
// follow its promise, and serialize what it returned by JSON.stringify's rules, here in the guest
// so that toJSON, getters and proxies run under the time limit like any other guest code.
corral.fn = (function () {
    const stash = Symbol.for('corral.execute');

    // A promise's outcome, readable from the host between turns of the event loop.
    function track(value) {
        const t = { settled: false, rejected: false, value: undefined, reason: undefined };
        if (value !== null && (typeof value === 'object' || typeof value === 'function')
                && typeof value.then === 'function') {
            value.then((v) => {
                t.settled = true;
                t.value = v;
            }, (e) => {
                t.settled = true;
                t.rejected = true;
                t.reason = e;
            });
        } else {
            t.settled = true;
            t.value = value;
        }
        return t;
    }

    function find(fromGlobalScope) {
        if (fromGlobalScope !== undefined) {
            return fromGlobalScope;
        }
        if (global[stash] !== undefined) {
            return global[stash];
        }
        const exported = corral.module.exports;
        if (exported !== null && exported !== undefined) {
            if (exported.execute !== undefined) {
                return exported.execute;
            }
            if (typeof exported === 'function') {
                return exported;
            }
        }
        return undefined;
    }

    function containsNonFinite(key, value) {
        if (typeof value === 'number' && !Number.isFinite(value)) {
            throw new TypeError(`${value} is not valid JSON (at key ${JSON.stringify(key)})`);
        }
        return value;
    }

    // [status, json]: 'valid' with JSON text, or 'json_serialization_error' with the reason on stderr
    function serialize(value) {
        if (value === undefined) {
            return ['valid', 'null'];
        }
        let json;
        try {
            json = JSON.stringify(value, containsNonFinite);
        } catch (e) {
            let reason;
            try {
                reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
            } catch (ignored) {
                reason = 'the value cannot be converted';
            }
            corral.host.write(2, `corral: the value execute returned is not JSON-serializable: ${reason}\n`);
            return ['json_serialization_error', null];
        }
        if (json === undefined) {
            corral.host.write(2, `corral: the value execute returned is not JSON-serializable: ${typeof value === 'function' ? 'a function' : typeof value}\n`);
            return ['json_serialization_error', null];
        }
        return ['valid', json];
    }

    function invoke(execute, inputJson) {
        const input = inputJson === null || inputJson === undefined ? null : JSON.parse(inputJson);
        return track(execute(input));
    }

    function rethrow(tracker) {
        throw tracker.reason;
    }

    return { track, find, serialize, invoke, rethrow, stash };
})();
