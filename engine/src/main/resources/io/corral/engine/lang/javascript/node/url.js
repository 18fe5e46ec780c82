// The `url` module: the WHATWG URL and URLSearchParams of the prelude (url.js), and Node's legacy
// API (url.parse, url.format, url.resolve) from the npm `url` package, a port of Node's own code.
'use strict';
const legacy = require('node_modules/url/url.js');
const punycode = require('node_modules/punycode/punycode.js');
const { URL, URLSearchParams } = corral.url;

function invalidArg(name, expected, value) {
    const err = new TypeError(`The "${name}" argument must be ${expected}. Received ${corral.inspect(value)}`);
    err.code = 'ERR_INVALID_ARG_TYPE';
    return err;
}

function fileURLToPath(path) {
    const url = typeof path === 'string' ? new URL(path) : path;
    if (!(url instanceof URL)) {
        throw invalidArg('path', 'of type string or an instance of URL', path);
    }
    if (url.protocol !== 'file:') {
        const err = new TypeError('The URL must be of scheme file');
        err.code = 'ERR_INVALID_URL_SCHEME';
        throw err;
    }
    if (url.hostname !== '') {
        const err = new TypeError('File URL host must be "localhost" or empty on linux');
        err.code = 'ERR_INVALID_FILE_URL_HOST';
        throw err;
    }
    if (/%2f/i.test(url.pathname)) {
        const err = new TypeError('File URL path must not include encoded / characters');
        err.code = 'ERR_INVALID_FILE_URL_PATH';
        throw err;
    }
    return decodeURIComponent(url.pathname);
}

function pathToFileURL(filepath) {
    const path = require('path');
    let resolved = path.resolve(String(filepath));
    if (String(filepath).endsWith('/') && !resolved.endsWith('/')) {
        resolved += '/';
    }
    const url = new URL('file://');
    url.pathname = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A')
        .replace(/\r/g, '%0D').replace(/\t/g, '%09');
    return url;
}

function format(urlObject, options) {
    if (urlObject instanceof URL) {
        const opts = Object.assign({ auth: true, fragment: true, search: true, unicode: false }, options);
        let out = `${urlObject.protocol}`;
        if (urlObject.host !== '' || urlObject.protocol === 'file:') {
            out += '//';
            if (opts.auth && (urlObject.username || urlObject.password)) {
                out += urlObject.username + (urlObject.password ? `:${urlObject.password}` : '') + '@';
            }
            out += opts.unicode ? domainToUnicode(urlObject.hostname) + (urlObject.port ? `:${urlObject.port}` : '')
                : urlObject.host;
        }
        out += urlObject.pathname;
        if (opts.search) {
            out += urlObject.search;
        }
        if (opts.fragment) {
            out += urlObject.hash;
        }
        return out;
    }
    if (typeof urlObject !== 'string' && (urlObject === null || typeof urlObject !== 'object')) {
        throw invalidArg('urlObject', 'one of type object or string', urlObject);
    }
    return legacy.format(urlObject);
}

function domainToASCII(domain) {
    try {
        return new URL(`ws://${domain}`).hostname;
    } catch (e) {
        return '';
    }
}

function domainToUnicode(domain) {
    try {
        return punycode.toUnicode(new URL(`ws://${domain}`).hostname);
    } catch (e) {
        return '';
    }
}

function urlToHttpOptions(url) {
    const options = {
        protocol: url.protocol,
        hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        hash: url.hash,
        search: url.search,
        pathname: url.pathname,
        path: `${url.pathname || ''}${url.search || ''}`,
        href: url.href,
    };
    if (url.port !== '') {
        options.port = Number(url.port);
    }
    if (url.username || url.password) {
        options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    }
    return options;
}

module.exports = {
    URL,
    URLSearchParams,
    Url: legacy.Url,
    parse: legacy.parse,
    resolve: legacy.resolve,
    resolveObject: legacy.resolveObject,
    format,
    fileURLToPath,
    pathToFileURL,
    domainToASCII,
    domainToUnicode,
    urlToHttpOptions,
};
