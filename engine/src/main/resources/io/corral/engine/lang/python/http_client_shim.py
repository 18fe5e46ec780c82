# http.client over Corral's egress gateway. Guest sockets are off; HTTPConnection and
# HTTPSConnection keep their interface (so urllib.request and code written against http.client
# run unchanged) but send each request through the host, which applies the request's http.allow
# rules and adds credentials the guest never sees. A refused request raises ConnectionRefusedError
# (an OSError: urllib.request turns it into URLError) naming the host and the reason.
import _corral
import email.parser as _email_parser
import io as _io
import json as _json


def install(module):
    HTTPMessage = module.HTTPMessage

    class GatewayResponse(_io.BufferedIOBase):
        def __init__(self, answer, method):
            self.status = answer.status
            self.code = answer.status
            self.reason = answer.statusText or module.responses.get(answer.status, "")
            self.version = 11
            self.url = answer.url
            pairs = _json.loads(answer.headers)
            text = "".join("%s: %s\r\n" % (k, v) for k, v in pairs) + "\r\n"
            self.headers = _email_parser.Parser(_class=HTTPMessage).parsestr(text)
            self.msg = self.headers
            body = answer.body.encode("latin-1")
            self._buffer = _io.BytesIO(b"" if method == "HEAD" else body)
            self.length = len(body)
            self.chunked = False
            self.will_close = True
            self.debuglevel = 0

        def read(self, amt=None):
            data = self._buffer.read() if amt is None or amt < 0 else self._buffer.read(amt)
            self.length = max(0, self.length - len(data))
            return data

        def read1(self, n=-1):
            return self.read(n)

        def readinto(self, b):
            data = self.read(len(b))
            b[:len(data)] = data
            return len(data)

        def readline(self, limit=-1):
            return self._buffer.readline(limit)

        def peek(self, n=0):
            return self._buffer.getvalue()[self._buffer.tell():]

        def readable(self):
            return True

        def fileno(self):
            raise OSError("this response is not backed by a socket")

        def getheader(self, name, default=None):
            values = self.headers.get_all(name)
            return default if not values else ", ".join(values)

        def getheaders(self):
            return list(self.headers.items())

        def info(self):
            return self.headers

        def geturl(self):
            return self.url

        def getcode(self):
            return self.status

        def isclosed(self):
            return self.closed

        def __iter__(self):
            return iter(self._buffer.readline, b"")

    class GatewayConnection:
        default_port = module.HTTP_PORT
        scheme = "http"
        response_class = GatewayResponse
        debuglevel = 0
        _http_vsn = 11
        _http_vsn_str = "HTTP/1.1"

        def __init__(self, host, port=None, timeout=module.socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None,
                     blocksize=8192, **kwargs):
            self.timeout = timeout
            self.host, self.port = self._get_hostport(host, port)
            self.sock = None
            self._reset()

        def _get_hostport(self, host, port):
            if port is None:
                i = host.rfind(":")
                j = host.rfind("]")
                if i > j:
                    try:
                        port = int(host[i + 1:]) if host[i + 1:] else self.default_port
                    except ValueError:
                        raise module.InvalidURL("nonnumeric port: '%s'" % host[i + 1:])
                    host = host[:i]
                else:
                    port = self.default_port
            if host and host[0] == "[" and host[-1] == "]":
                host = host[1:-1]
            return host, port

        def _reset(self):
            self._method = None
            self._url = None
            self._headers = []
            self._body = b""
            self._answer = None

        def set_debuglevel(self, level):
            self.debuglevel = level

        def set_tunnel(self, host, port=None, headers=None):
            raise OSError("proxies and tunnels are not available: requests go through Corral's gateway")

        def connect(self):
            pass

        def close(self):
            self.sock = None

        def putrequest(self, method, url, skip_host=False, skip_accept_encoding=False):
            self._reset()
            self._method = method
            self._url = url

        def putheader(self, header, *values):
            if isinstance(header, bytes):
                header = header.decode("latin-1")
            vals = [v.decode("latin-1") if isinstance(v, bytes) else str(v) for v in values]
            self._headers.append([header, ", ".join(vals)])

        def _add_body(self, data):
            if data is None:
                return
            if isinstance(data, str):
                data = data.encode("iso-8859-1")
            elif hasattr(data, "read"):
                chunk = data.read()
                data = chunk.encode("iso-8859-1") if isinstance(chunk, str) else chunk
            elif not isinstance(data, (bytes, bytearray, memoryview)):
                data = b"".join(d.encode("iso-8859-1") if isinstance(d, str) else bytes(d) for d in data)
            self._body += bytes(data)

        def send(self, data):
            self._add_body(data)

        def endheaders(self, message_body=None, *, encode_chunked=False):
            self._add_body(message_body)
            self._send()

        def request(self, method, url, body=None, headers={}, *, encode_chunked=False):
            self.putrequest(method, url)
            for k, v in headers.items():
                self.putheader(k, v)
            self.endheaders(body)

        def _full_url(self):
            if self._url.startswith(("http://", "https://")):
                return self._url
            host = "[%s]" % self.host if ":" in self.host else self.host
            port = "" if self.port == self.default_port else ":%d" % self.port
            return "%s://%s%s%s" % (self.scheme, host, port, self._url if self._url.startswith("/") else "/" + self._url)

        def _send(self):
            timeout = self.timeout
            millis = timeout * 1000.0 if isinstance(timeout, (int, float)) and timeout is not None else -1
            answer = _corral.host.http(self._method, self._full_url(), _json.dumps(self._headers),
                               self._body.decode("latin-1"), millis)
            if not answer.ok:
                raise ConnectionRefusedError(answer.error)
            self._answer = answer

        def getresponse(self):
            if self._answer is None:
                raise module.ResponseNotReady("no request was sent")
            response = self.response_class(self._answer, self._method)
            self._answer = None
            return response

    class GatewayHTTPSConnection(GatewayConnection):
        default_port = module.HTTPS_PORT
        scheme = "https"

        def __init__(self, host, port=None, *args, context=None, **kwargs):
            super().__init__(host, port, **{k: v for k, v in kwargs.items() if k == "timeout"})

    module.HTTPConnection = GatewayConnection
    module.HTTPSConnection = GatewayHTTPSConnection
    module.HTTPResponse = GatewayResponse
