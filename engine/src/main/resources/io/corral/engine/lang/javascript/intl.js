// Dates and Intl as Node 20 prints them. Contexts run in UTC, which GraalJS names "GMT" where
// Node (ICU) says "Coordinated Universal Time" (Date#toString) and "UTC" (resolvedOptions); and
// ICU 72+ puts U+202F (narrow no-break space) before AM/PM, which Node 20 turns back into a plain
// space in `format` and Date's toLocale*String only (formatToParts and formatRange keep U+202F
// there too). Only formatted text is touched; the Date and Intl objects are GraalJS's own.
(function () {
    function replaceMethod(target, name, wrap) {
        const original = target[name];
        const fn = wrap(original);
        Object.defineProperty(fn, 'name', { value: name });
        Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: false });
    }

    const narrowSpace = /\u202f/g;
    const plain = (text) => (typeof text === 'string' ? text.replace(narrowSpace, ' ') : text);

    for (const name of ['toString', 'toTimeString']) {
        replaceMethod(Date.prototype, name, (original) => function () {
            return original.call(this).replace(/ \(GMT\)$/, ' (Coordinated Universal Time)');
        });
    }
    for (const name of ['toLocaleString', 'toLocaleTimeString', 'toLocaleDateString']) {
        replaceMethod(Date.prototype, name, (original) => function (...args) {
            return plain(original.apply(this, args));
        });
    }

    const DateTimeFormat = Intl.DateTimeFormat;
    const proto = DateTimeFormat.prototype;
    const formatGetter = Object.getOwnPropertyDescriptor(proto, 'format').get;
    const bound = new WeakMap();
    Object.defineProperty(proto, 'format', {
        configurable: true,
        enumerable: false,
        get: function format() {
            const original = formatGetter.call(this);
            let fn = bound.get(this);
            if (fn === undefined) {
                fn = (date) => plain(original(date));
                bound.set(this, fn);
            }
            return fn;
        },
    });
    const utcNames = new Set(['GMT', 'Etc/GMT', 'Etc/UTC', 'UTC', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Etc/Zulu']);
    replaceMethod(proto, 'resolvedOptions', (original) => function () {
        const options = original.call(this);
        if (utcNames.has(options.timeZone)) {
            options.timeZone = 'UTC';
        }
        return options;
    });
})();
