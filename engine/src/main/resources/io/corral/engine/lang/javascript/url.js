// URL and URLSearchParams after the WHATWG URL standard, for the cases scripts meet: special and
// opaque schemes, relative references against a base, dot segments, default ports, IDN-free hosts,
// percent-encoding of paths/queries/fragments, and a searchParams that stays in sync with search.
(function () {
    const special = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21', 'file:': '' };
    const utf8 = new TextEncoder();

    function invalid(input) {
        const err = new TypeError('Invalid URL');
        err.code = 'ERR_INVALID_URL';
        err.input = String(input);
        return err;
    }

    function percentEncode(str, mustEncode) {
        let out = '';
        for (const ch of str) {
            const code = ch.codePointAt(0);
            if (code < 0x20 || code > 0x7e || mustEncode.includes(ch)) {
                for (const b of utf8.encode(ch)) {
                    out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
                }
            } else {
                out += ch;
            }
        }
        return out;
    }

    const pathSet = ' "#<>?`{}';
    const querySet = ' "#<>';
    const specialQuerySet = " \"#<>'";
    const fragmentSet = ' "<>`';
    const userinfoSet = ' "#<>?`{}/:;=@[\\]^|';

    function formDecode(str) {
        const bytes = [];
        const s = str.replace(/\+/g, ' ');
        for (let i = 0; i < s.length; i++) {
            if (s[i] === '%' && /^[0-9a-fA-F]{2}$/.test(s.substr(i + 1, 2))) {
                bytes.push(parseInt(s.substr(i + 1, 2), 16));
                i += 2;
            } else {
                for (const b of utf8.encode(s[i] === '%' ? '%' : s.codePointAt(i) > 0xffff ? s.substr(i++, 2) : s[i])) {
                    bytes.push(b);
                }
            }
        }
        return new TextDecoder().decode(new Uint8Array(bytes));
    }

    function formEncode(str) {
        let out = '';
        for (const b of utf8.encode(String(str))) {
            const ch = String.fromCharCode(b);
            if (/[A-Za-z0-9*\-._]/.test(ch)) {
                out += ch;
            } else if (b === 0x20) {
                out += '+';
            } else {
                out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
            }
        }
        return out;
    }

    function normalizePath(path, isSpecial) {
        if (isSpecial) {
            path = path.replace(/\\/g, '/');
        }
        const segments = path.split('/');
        const out = [];
        for (let i = 1; i < segments.length; i++) {
            const seg = segments[i];
            const last = i === segments.length - 1;
            if (seg === '..' || seg.toLowerCase() === '%2e%2e' || seg.toLowerCase() === '.%2e' || seg.toLowerCase() === '%2e.') {
                out.pop();
                if (last) {
                    out.push('');
                }
            } else if (seg === '.' || seg.toLowerCase() === '%2e') {
                if (last) {
                    out.push('');
                }
            } else {
                out.push(seg);
            }
        }
        return '/' + out.map((s) => percentEncode(s, pathSet)).join('/');
    }

    function parseHost(host, isSpecial, input) {
        if (host.startsWith('[')) {
            if (!/^\[[0-9a-fA-F:.]+\]$/.test(host)) {
                throw invalid(input);
            }
            return host.toLowerCase();
        }
        if (isSpecial) {
            host = formDecodeStrict(host).toLowerCase();
            if (/[^\x00-\x7f]/.test(host)) {
                // internationalized names become their ASCII (punycode) form, as UTS #46 maps them;
                // the punycode module loads only when a URL needs it
                try {
                    host = corral.require('punycode').toASCII(host.normalize('NFKC').toLowerCase()
                        .replace(/[\u3002\uff0e\uff61]/g, '.'));
                } catch (e) {
                    throw invalid(input);
                }
            }
            if (host === '' || /[\x00-\x20#%/:<>?@[\\\]^|]/.test(host)) {
                throw invalid(input);
            }
            return host;
        }
        if (/[\x00-\x20#/<>?@[\\\]^|]/.test(host)) {
            throw invalid(input);
        }
        return percentEncode(host, '');
    }

    function formDecodeStrict(str) {
        try {
            return decodeURIComponent(str);
        } catch (e) {
            return str;
        }
    }

    function parse(input, base) {
        let str = String(input).replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
        const r = { protocol: '', username: '', password: '', hostname: '', port: '', pathname: '', search: '', hash: '', opaque: false };
        let m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(str);
        let rest;
        if (m) {
            r.protocol = m[1].toLowerCase() + ':';
            rest = str.slice(m[0].length);
            const isSpecial = r.protocol in special;
            if (isSpecial && base && base.protocol === r.protocol && !/^[/\\]/.test(rest)) {
                return resolve(rest, base, r.protocol, input);
            }
            if (r.protocol === 'file:') {
                // exactly two slashes open a file URL's host (empty in file:///tmp/x); the rest is the path
                rest = /^[/\\]{2}/.test(rest) ? rest.slice(2) : (/^[/\\]/.test(rest) ? rest : `/${rest}`);
                return authorityAndRest(r, rest, true, input);
            }
            if (isSpecial || rest.startsWith('//')) {
                rest = isSpecial ? rest.replace(/^[/\\]*/, '') : rest.slice(2);
                return authorityAndRest(r, rest, isSpecial, input);
            }
            return opaqueRest(r, rest);
        }
        if (!base) {
            throw invalid(input);
        }
        return resolve(str, base, base.protocol, input);
    }

    function opaqueRest(r, rest) {
        const hashAt = rest.indexOf('#');
        if (hashAt >= 0) {
            r.hash = '#' + percentEncode(rest.slice(hashAt + 1), fragmentSet);
            rest = rest.slice(0, hashAt);
        }
        const queryAt = rest.indexOf('?');
        if (queryAt >= 0) {
            r.search = '?' + percentEncode(rest.slice(queryAt + 1), querySet);
            rest = rest.slice(0, queryAt);
        }
        if (rest.startsWith('/')) {
            r.pathname = normalizePath(rest, false);
        } else {
            r.opaque = true;
            r.pathname = percentEncode(rest, '');
        }
        // an empty query or fragment that is there ('?' or '#' alone) stays in href; search and
        // hash read '' for it, as WHATWG says
        return r;
    }

    function authorityAndRest(r, rest, isSpecial, input) {
        const end = rest.search(isSpecial ? /[/\\?#]/ : /[/?#]/);
        let authority = end < 0 ? rest : rest.slice(0, end);
        rest = end < 0 ? '' : rest.slice(end);
        const at = authority.lastIndexOf('@');
        if (at >= 0) {
            const userinfo = authority.slice(0, at);
            authority = authority.slice(at + 1);
            const colon = userinfo.indexOf(':');
            r.username = percentEncode(colon >= 0 ? userinfo.slice(0, colon) : userinfo, userinfoSet);
            r.password = colon >= 0 ? percentEncode(userinfo.slice(colon + 1), userinfoSet) : '';
        }
        const portMatch = /:([0-9]*)$/.exec(authority);
        if (portMatch && !authority.endsWith(']')) {
            authority = authority.slice(0, portMatch.index);
            if (portMatch[1] !== '') {
                const port = Number(portMatch[1]);
                if (port > 65535) {
                    throw invalid(input);
                }
                r.port = String(port) === special[r.protocol] ? '' : String(port);
            }
        } else if (/:[^\]]*$/.test(authority) && !authority.startsWith('[')) {
            throw invalid(input);
        }
        if (r.protocol === 'file:') {
            r.hostname = authority === 'localhost' ? '' : authority.toLowerCase();
        } else {
            if (authority === '' && isSpecial) {
                throw invalid(input);
            }
            r.hostname = authority === '' ? '' : parseHost(authority, isSpecial, input);
        }
        const parsed = opaqueRest(r, rest.startsWith('/') || rest.startsWith('\\') || rest === '' || /^[?#]/.test(rest) ? rest : '/' + rest);
        if (parsed.opaque || parsed.pathname === '') {
            parsed.opaque = false;
            parsed.pathname = isSpecial ? '/' : '';
        } else if (isSpecial) {
            parsed.pathname = normalizePath(parsed.pathname, true);
        }
        if (isSpecial) {
            parsed.search = parsed.search && '?' + percentEncode(decodeKeep(parsed.search.slice(1)), specialQuerySet);
        }
        return parsed;
    }

    function decodeKeep(s) {
        return s;
    }

    function resolve(str, base, protocol, input) {
        const isSpecial = protocol in special;
        const r = { protocol, username: base.username, password: base.password, hostname: base.hostname,
            port: base.port, pathname: base.pathname, search: base.search, hash: '', opaque: base.opaque };
        if (/^[/\\]{2}/.test(str) && (isSpecial || str.startsWith('//'))) {
            return authorityAndRest({ protocol, username: '', password: '', hostname: '', port: '', pathname: '',
                search: '', hash: '', opaque: false }, str.slice(2), isSpecial, input);
        }
        if (base.opaque) {
            if (!str.startsWith('#')) {
                throw invalid(input);
            }
            r.hash = '#' + percentEncode(str.slice(1), fragmentSet);
            return r;
        }
        if (str === '') {
            return r;
        }
        if (str.startsWith('#')) {
            r.hash = '#' + percentEncode(str.slice(1), fragmentSet);
            return r;
        }
        if (str.startsWith('?')) {
            const parsed = opaqueRest({ hash: '', search: '', pathname: '' }, '/' + str);
            r.search = parsed.search;
            r.hash = parsed.hash;
            return r;
        }
        let path;
        if (str.startsWith('/') || (isSpecial && str.startsWith('\\'))) {
            path = str;
        } else {
            path = base.pathname.slice(0, base.pathname.lastIndexOf('/') + 1) + str;
        }
        const parsed = opaqueRest({ hash: '', search: '', pathname: '' }, path.startsWith('/') ? path : '/' + path);
        r.pathname = normalizePath(parsed.pathname, isSpecial);
        r.search = parsed.search;
        r.hash = parsed.hash;
        return r;
    }

    const internal = Symbol('url');

    class URLSearchParams {
        constructor(init = '') {
            this[internal] = { list: [], url: null };
            if (init instanceof URLSearchParams) {
                this[internal].list = init[internal].list.map(([k, v]) => [k, v]);
            } else if (typeof init === 'object' && init !== null) {
                if (typeof init[Symbol.iterator] === 'function') {
                    for (const pair of init) {
                        const p = [...pair];
                        if (p.length !== 2) {
                            throw new TypeError('Each query pair must be an iterable [name, value] tuple');
                        }
                        this[internal].list.push([String(p[0]), String(p[1])]);
                    }
                } else {
                    for (const k of Object.keys(init)) {
                        this[internal].list.push([k, String(init[k])]);
                    }
                }
            } else {
                this._parse(String(init));
            }
        }

        _parse(str) {
            this[internal].list = [];
            if (str.startsWith('?')) {
                str = str.slice(1);
            }
            for (const part of str.split('&')) {
                if (part === '') {
                    continue;
                }
                const eq = part.indexOf('=');
                const name = eq >= 0 ? part.slice(0, eq) : part;
                const value = eq >= 0 ? part.slice(eq + 1) : '';
                this[internal].list.push([formDecode(name), formDecode(value)]);
            }
        }

        _update() {
            const url = this[internal].url;
            if (url !== null) {
                const s = this.toString();
                url[internal].search = s === '' ? '' : '?' + s;
            }
        }

        get size() {
            return this[internal].list.length;
        }

        append(name, value) {
            this[internal].list.push([String(name), String(value)]);
            this._update();
        }

        delete(name, value) {
            name = String(name);
            this[internal].list = this[internal].list.filter(([k, v]) => !(k === name && (value === undefined || v === String(value))));
            this._update();
        }

        get(name) {
            const e = this[internal].list.find(([k]) => k === String(name));
            return e === undefined ? null : e[1];
        }

        getAll(name) {
            return this[internal].list.filter(([k]) => k === String(name)).map(([, v]) => v);
        }

        has(name, value) {
            return this[internal].list.some(([k, v]) => k === String(name) && (value === undefined || v === String(value)));
        }

        set(name, value) {
            name = String(name);
            const list = this[internal].list;
            const i = list.findIndex(([k]) => k === name);
            if (i < 0) {
                list.push([name, String(value)]);
            } else {
                list[i][1] = String(value);
                this[internal].list = list.filter(([k], j) => j <= i || k !== name);
            }
            this._update();
        }

        sort() {
            this[internal].list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
            this._update();
        }

        forEach(callback, thisArg) {
            for (const [k, v] of this[internal].list) {
                callback.call(thisArg, v, k, this);
            }
        }

        *entries() {
            for (const [k, v] of this[internal].list) {
                yield [k, v];
            }
        }

        *keys() {
            for (const [k] of this[internal].list) {
                yield k;
            }
        }

        *values() {
            for (const [, v] of this[internal].list) {
                yield v;
            }
        }

        [Symbol.iterator]() {
            return this.entries();
        }

        toString() {
            return this[internal].list.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&');
        }

        [corral.inspect.custom]() {
            const items = this[internal].list.map(([k, v]) => `${corral.inspect(k)} => ${corral.inspect(v)}`);
            return items.length === 0 ? 'URLSearchParams {}' : `URLSearchParams { ${items.join(', ')} }`;
        }
    }

    class URL {
        constructor(input, base) {
            let baseRecord;
            if (base !== undefined) {
                baseRecord = base instanceof URL ? base[internal] : parse(String(base));
            }
            this[internal] = parse(input, baseRecord);
            this._params = new URLSearchParams(this[internal].search);
            this._params[internal].url = this;
        }

        static canParse(input, base) {
            try {
                new URL(input, base);
                return true;
            } catch (e) {
                return false;
            }
        }

        static parse(input, base) {
            try {
                return new URL(input, base);
            } catch (e) {
                return null;
            }
        }

        get protocol() {
            return this[internal].protocol;
        }

        set protocol(value) {
            const p = String(value).replace(/:.*$/, '').toLowerCase() + ':';
            if ((p in special) === (this[internal].protocol in special) && /^[a-z][a-z0-9+.-]*:$/.test(p)) {
                this[internal].protocol = p;
            }
        }

        get username() {
            return this[internal].username;
        }

        set username(value) {
            this[internal].username = percentEncode(String(value), userinfoSet);
        }

        get password() {
            return this[internal].password;
        }

        set password(value) {
            this[internal].password = percentEncode(String(value), userinfoSet);
        }

        get hostname() {
            return this[internal].hostname;
        }

        set hostname(value) {
            this[internal].hostname = String(value).toLowerCase();
        }

        get port() {
            return this[internal].port;
        }

        set port(value) {
            const s = String(value);
            if (s === '') {
                this[internal].port = '';
            } else if (/^[0-9]+/.test(s)) {
                const n = parseInt(s, 10);
                if (n <= 65535) {
                    this[internal].port = String(n) === special[this.protocol] ? '' : String(n);
                }
            }
        }

        get host() {
            const r = this[internal];
            return r.port === '' ? r.hostname : `${r.hostname}:${r.port}`;
        }

        set host(value) {
            const m = /^(\[[^\]]*\]|[^:]*)(?::([0-9]*))?$/.exec(String(value));
            if (m) {
                this.hostname = m[1];
                if (m[2] !== undefined) {
                    this.port = m[2];
                }
            }
        }

        get origin() {
            const r = this[internal];
            if (r.protocol === 'blob:') {
                try {
                    return new URL(r.pathname).origin;
                } catch (e) {
                    return 'null';
                }
            }
            if (!(r.protocol in special) || r.protocol === 'file:') {
                return 'null';
            }
            return `${r.protocol}//${this.host}`;
        }

        get pathname() {
            return this[internal].pathname;
        }

        set pathname(value) {
            if (!this[internal].opaque) {
                const s = String(value);
                this[internal].pathname = normalizePath(s.startsWith('/') ? s : '/' + s, this.protocol in special);
            }
        }

        get search() {
            const s = this[internal].search;
            return s === '?' ? '' : s;
        }

        set search(value) {
            let s = String(value);
            if (s.startsWith('?')) {
                s = s.slice(1);
            }
            this[internal].search = s === '' ? '' : '?' + percentEncode(s, this.protocol in special ? specialQuerySet : querySet);
            this._params._parse(s);
        }

        get searchParams() {
            return this._params;
        }

        get hash() {
            const h = this[internal].hash;
            return h === '#' ? '' : h;
        }

        set hash(value) {
            let s = String(value);
            if (s.startsWith('#')) {
                s = s.slice(1);
            }
            this[internal].hash = s === '' ? '' : '#' + percentEncode(s, fragmentSet);
        }

        get href() {
            const r = this[internal];
            let out = r.protocol;
            if (r.hostname !== '' || r.protocol === 'file:' || (!r.opaque && r.protocol in special)) {
                out += '//';
                if (r.username !== '' || r.password !== '') {
                    out += r.username + (r.password !== '' ? ':' + r.password : '') + '@';
                }
                out += this.host;
            }
            return out + r.pathname + r.search + r.hash;
        }

        set href(value) {
            this[internal] = parse(value);
            this._params._parse(this[internal].search);
        }

        toString() {
            return this.href;
        }

        toJSON() {
            return this.href;
        }

        [corral.inspect.custom](depth, options) {
            const fields = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname', 'port',
                'pathname', 'search', 'searchParams', 'hash'];
            const obj = {};
            for (const f of fields) {
                obj[f] = this[f];
            }
            return `URL ${corral.inspect(obj, { depth: options && options.depth })}`.replace('URL {', 'URL {');
        }
    }

    for (const [name, value] of [['URL', URL], ['URLSearchParams', URLSearchParams]]) {
        Object.defineProperty(global, name, { value, writable: true, configurable: true });
    }
    corral.url = { URL, URLSearchParams };
})();
