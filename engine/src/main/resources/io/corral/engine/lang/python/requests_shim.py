"""A requests-compatible client over Corral's egress gateway.

Most Python code reaches for requests; this module gives it the same calls (get, post, put,
patch, delete, head, options, request, Session) and the same Response (status_code, ok, text,
content, json(), headers, url, reason, raise_for_status()). Requests go through the host, which
applies the http.allow rules and adds credentials the guest never sees. A refused request raises
requests.exceptions.ConnectionError naming the host and the reason.
"""
import _corral
import json as _json
import types as _types
import urllib.parse as _parse

__version__ = "2.32.3-corral"


class RequestException(IOError):
    def __init__(self, *args, request=None, response=None):
        super().__init__(*args)
        self.request = request
        self.response = response


class ConnectionError(RequestException):
    pass


class HTTPError(RequestException):
    pass


class Timeout(RequestException):
    pass


class ConnectTimeout(ConnectionError, Timeout):
    pass


class ReadTimeout(Timeout):
    pass


class TooManyRedirects(RequestException):
    pass


class InvalidURL(RequestException, ValueError):
    pass


class MissingSchema(RequestException, ValueError):
    pass


class JSONDecodeError(RequestException, ValueError):
    pass


exceptions = _types.ModuleType("requests.exceptions")
for _name in ("RequestException", "ConnectionError", "HTTPError", "Timeout", "ConnectTimeout", "ReadTimeout",
              "TooManyRedirects", "InvalidURL", "MissingSchema", "JSONDecodeError"):
    setattr(exceptions, _name, globals()[_name])


class CaseInsensitiveDict(dict):
    def __init__(self, data=None, **kwargs):
        super().__init__()
        self._keys = {}
        self.update(data or {}, **kwargs)

    def __setitem__(self, key, value):
        lower = key.lower()
        if lower in self._keys:
            super().__delitem__(self._keys[lower])
        self._keys[lower] = key
        super().__setitem__(key, value)

    def __getitem__(self, key):
        return super().__getitem__(self._keys[key.lower()])

    def __delitem__(self, key):
        super().__delitem__(self._keys.pop(key.lower()))

    def __contains__(self, key):
        return isinstance(key, str) and key.lower() in self._keys

    def get(self, key, default=None):
        return self[key] if key in self else default

    def update(self, data=None, **kwargs):
        items = data.items() if hasattr(data, "items") else (data or [])
        for k, v in items:
            self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def copy(self):
        return CaseInsensitiveDict(self)


class Response:
    def __init__(self):
        self.status_code = None
        self.reason = ""
        self.headers = CaseInsensitiveDict()
        self.url = None
        self.content = b""
        self.encoding = None
        self.history = []
        self.request = None
        self.elapsed = None

    @property
    def ok(self):
        return self.status_code < 400

    @property
    def text(self):
        encoding = self.encoding or _charset(self.headers.get("content-type")) or "utf-8"
        return self.content.decode(encoding, errors="replace")

    @property
    def apparent_encoding(self):
        return "utf-8"

    def json(self, **kwargs):
        try:
            return _json.loads(self.text, **kwargs)
        except ValueError as e:
            raise JSONDecodeError(str(e), response=self)

    def raise_for_status(self):
        if 400 <= self.status_code < 500:
            raise HTTPError("%s Client Error: %s for url: %s" % (self.status_code, self.reason, self.url), response=self)
        if 500 <= self.status_code < 600:
            raise HTTPError("%s Server Error: %s for url: %s" % (self.status_code, self.reason, self.url), response=self)

    def iter_content(self, chunk_size=1, decode_unicode=False):
        for i in range(0, len(self.content), chunk_size or len(self.content) or 1):
            chunk = self.content[i:i + (chunk_size or len(self.content))]
            yield chunk.decode(self.encoding or "utf-8") if decode_unicode else chunk

    def iter_lines(self, chunk_size=512, decode_unicode=False, delimiter=None):
        for line in (self.text if decode_unicode else self.content).splitlines():
            yield line

    def close(self):
        pass

    def __bool__(self):
        return self.ok

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return "<Response [%s]>" % self.status_code


def _charset(content_type):
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            return value.strip("\"'")
    return None


def _encode_params(params):
    if params is None:
        return ""
    if isinstance(params, (str, bytes)):
        return params.decode() if isinstance(params, bytes) else params
    items = params.items() if hasattr(params, "items") else params
    flat = []
    for k, v in items:
        if isinstance(v, (list, tuple)):
            flat.extend((k, x) for x in v if x is not None)
        elif v is not None:
            flat.append((k, v))
    return _parse.urlencode(flat)


class Session:
    def __init__(self):
        self.headers = CaseInsensitiveDict({"User-Agent": "python-requests/2.32.3",
                                            "Accept-Encoding": "gzip, deflate", "Accept": "*/*"})
        self.params = {}
        self.auth = None

    def request(self, method, url, params=None, data=None, headers=None, cookies=None, files=None, auth=None,
                timeout=None, allow_redirects=True, proxies=None, hooks=None, stream=None, verify=None, cert=None,
                json=None):
        if not isinstance(url, str) or "://" not in url:
            raise MissingSchema("Invalid URL %r: No scheme supplied. Perhaps you meant https://%s?" % (url, url))
        merged = CaseInsensitiveDict(self.headers)
        merged.update(headers or {})
        query = _encode_params(dict(self.params, **(params or {})) if isinstance(params, dict) or params is None
                               else params)
        if query:
            url = url + ("&" if "?" in url else "?") + query
        body = b""
        if json is not None and data is None:
            body = _json.dumps(json).encode("utf-8")
            if "Content-Type" not in merged:
                merged["Content-Type"] = "application/json"
        elif isinstance(data, dict) or (isinstance(data, (list, tuple)) and data and isinstance(data[0], tuple)):
            body = _encode_params(data).encode("utf-8")
            if "Content-Type" not in merged:
                merged["Content-Type"] = "application/x-www-form-urlencoded"
        elif isinstance(data, str):
            body = data.encode("utf-8")
        elif data is not None:
            body = data.read() if hasattr(data, "read") else bytes(data)
        if isinstance(timeout, tuple):
            timeout = sum(t for t in timeout if t)
        millis = timeout * 1000.0 if isinstance(timeout, (int, float)) else -1
        pairs = [[k, str(v)] for k, v in merged.items() if v is not None]
        answer = _corral.host.http(method.upper(), url, _json.dumps(pairs), body.decode("latin-1"), millis)
        if not answer.ok:
            message = answer.error
            if "no complete response" in message:
                raise ReadTimeout(message)
            raise ConnectionError(message)
        r = Response()
        r.status_code = answer.status
        r.reason = answer.statusText
        for k, v in _json.loads(answer.headers):
            r.headers[k] = r.headers[k] + ", " + v if k in r.headers else v
        r.url = answer.url
        r.content = b"" if method.upper() == "HEAD" else answer.body.encode("latin-1")
        return r

    def get(self, url, params=None, **kwargs):
        return self.request("GET", url, params=params, **kwargs)

    def options(self, url, **kwargs):
        return self.request("OPTIONS", url, **kwargs)

    def head(self, url, **kwargs):
        return self.request("HEAD", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request("POST", url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def session():
    return Session()


def request(method, url, **kwargs):
    with Session() as s:
        return s.request(method, url, **kwargs)


def get(url, params=None, **kwargs):
    return request("GET", url, params=params, **kwargs)


def options(url, **kwargs):
    return request("OPTIONS", url, **kwargs)


def head(url, **kwargs):
    return request("HEAD", url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("PUT", url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request("PATCH", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("DELETE", url, **kwargs)


codes = _types.SimpleNamespace(ok=200, created=201, no_content=204, moved_permanently=301, found=302,
                               not_modified=304, bad_request=400, unauthorized=401, forbidden=403, not_found=404,
                               too_many_requests=429, internal_server_error=500, service_unavailable=503)
