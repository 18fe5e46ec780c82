<?php
// Corral: outbound HTTP for PHP through the host's egress gateway, which applies the request's
// http.allow rules and adds credentials the guest never sees. file_get_contents('https://...')
// with stream contexts and the basic curl_* functions work unchanged; a refused request is a
// warning and false, as PHP reports a network failure. The request and the answer cross
// /dev/corral-http, a device the runtime backs with the host call.

final class CorralHttp
{
    /** @return array{ok: bool, status?: int, statusText?: string, url?: string, headers?: array, body?: string, error?: string} */
    public static function send(string $method, string $url, array $headers, string $body, float $timeout): array
    {
        $request = json_encode([
            'method' => $method,
            'url' => $url,
            'headers' => $headers,
            'body' => base64_encode($body),
            'timeout' => $timeout,
        ]);
        file_put_contents('/dev/corral-http', $request);
        $answer = file_get_contents('/dev/corral-http');
        $newline = strpos($answer, "\n");
        $meta = json_decode(substr($answer, 0, $newline), true);
        if ($meta['ok']) {
            $meta['body'] = substr($answer, $newline + 1);
        }
        return $meta;
    }

    /** "Name: value" lines from a stream context's header option (string or array). */
    public static function headerLines($header): array
    {
        if ($header === null) {
            return [];
        }
        $lines = is_array($header) ? $header : preg_split("/\r\n|\n/", (string) $header);
        $out = [];
        foreach ($lines as $line) {
            $colon = strpos($line, ':');
            if ($colon !== false) {
                $out[] = [trim(substr($line, 0, $colon)), trim(substr($line, $colon + 1))];
            }
        }
        return $out;
    }
}

final class CorralHttpStream
{
    public $context;
    private string $data = '';
    private int $pos = 0;

    public function stream_open(string $path, string $mode, int $options, ?string &$opened_path): bool
    {
        $opts = $this->context ? (stream_context_get_options($this->context)['http'] ?? []) : [];
        $method = strtoupper($opts['method'] ?? 'GET');
        $headers = CorralHttp::headerLines($opts['header'] ?? null);
        if (isset($opts['user_agent'])) {
            $headers[] = ['User-Agent', $opts['user_agent']];
        }
        $timeout = isset($opts['timeout']) ? (float) $opts['timeout'] : -1.0;
        $r = CorralHttp::send($method, $path, $headers, (string) ($opts['content'] ?? ''), $timeout);
        if (!$r['ok']) {
            // the reason, before PHP's own generic "stream_open call failed" warning
            trigger_error("file_get_contents($path): Failed to open stream: " . $r['error'], E_USER_WARNING);
            return false;
        }
        $status = $r['status'];
        if (($status < 200 || $status >= 400) && empty($opts['ignore_errors'])) {
            trigger_error("file_get_contents($path): Failed to open stream: HTTP request failed! HTTP/1.1 $status "
                . $r['statusText'], E_USER_WARNING);
            return false;
        }
        $this->data = $r['body'];
        return true;
    }

    public function stream_read(int $count): string|false
    {
        $chunk = substr($this->data, $this->pos, $count);
        $this->pos += strlen($chunk);
        return $chunk;
    }

    public function stream_eof(): bool
    {
        return $this->pos >= strlen($this->data);
    }

    public function stream_stat(): array|false
    {
        return ['size' => strlen($this->data)];
    }

    public function stream_close(): void
    {
    }

    public function stream_set_option(int $option, int $arg1, ?int $arg2): bool
    {
        return false;
    }
}

foreach (['http', 'https'] as $__corral_scheme) {
    if (in_array($__corral_scheme, stream_get_wrappers(), true)) {
        stream_wrapper_unregister($__corral_scheme);
    }
    stream_wrapper_register($__corral_scheme, CorralHttpStream::class);
}
unset($__corral_scheme);

/** What curl_init returns here: the options set, and the last transfer's result. */
final class CorralCurlHandle
{
    public array $options = [];
    public array $info = [];
    public string $error = '';
    public int $errno = 0;
}

function curl_init(?string $url = null): CorralCurlHandle
{
    $h = new CorralCurlHandle();
    if ($url !== null) {
        $h->options[CURLOPT_URL] = $url;
    }
    return $h;
}

function curl_setopt(CorralCurlHandle $handle, int $option, mixed $value): bool
{
    $handle->options[$option] = $value;
    return true;
}

function curl_setopt_array(CorralCurlHandle $handle, array $options): bool
{
    foreach ($options as $k => $v) {
        $handle->options[$k] = $v;
    }
    return true;
}

function curl_exec(CorralCurlHandle $handle): string|bool
{
    $o = $handle->options;
    $url = (string) ($o[CURLOPT_URL] ?? '');
    $fields = $o[CURLOPT_POSTFIELDS] ?? null;
    $method = 'GET';
    if (!empty($o[CURLOPT_POST]) || $fields !== null) {
        $method = 'POST';
    }
    if (!empty($o[CURLOPT_NOBODY])) {
        $method = 'HEAD';
    }
    if (!empty($o[CURLOPT_HTTPGET])) {
        $method = 'GET';
    }
    if (isset($o[CURLOPT_CUSTOMREQUEST])) {
        $method = strtoupper($o[CURLOPT_CUSTOMREQUEST]);
    }
    $headers = CorralHttp::headerLines($o[CURLOPT_HTTPHEADER] ?? []);
    $body = '';
    if (is_array($fields)) {
        $body = http_build_query($fields);
        $headers[] = ['Content-Type', 'application/x-www-form-urlencoded'];
    } elseif ($fields !== null) {
        $body = (string) $fields;
    }
    if (isset($o[CURLOPT_USERAGENT])) {
        $headers[] = ['User-Agent', $o[CURLOPT_USERAGENT]];
    }
    $timeout = isset($o[CURLOPT_TIMEOUT_MS]) ? $o[CURLOPT_TIMEOUT_MS] / 1000.0
        : (isset($o[CURLOPT_TIMEOUT]) ? (float) $o[CURLOPT_TIMEOUT] : -1.0);
    $r = CorralHttp::send($method, $url, $headers, $body, $timeout);
    if (!$r['ok']) {
        $handle->errno = 7; // CURLE_COULDNT_CONNECT
        $handle->error = $r['error'];
        $handle->info = ['url' => $url, 'http_code' => 0, 'content_type' => null];
        return false;
    }
    $handle->errno = 0;
    $handle->error = '';
    $contentType = null;
    $headerText = "HTTP/1.1 {$r['status']} {$r['statusText']}\r\n";
    foreach ($r['headers'] as [$name, $value]) {
        $headerText .= "$name: $value\r\n";
        if (strcasecmp($name, 'Content-Type') === 0) {
            $contentType = $value;
        }
    }
    $headerText .= "\r\n";
    $handle->info = ['url' => $r['url'], 'http_code' => $r['status'], 'content_type' => $contentType,
        'size_download' => strlen($r['body']), 'header_size' => strlen($headerText)];
    $out = (!empty($o[CURLOPT_HEADER]) ? $headerText : '') . $r['body'];
    if (!empty($o[CURLOPT_RETURNTRANSFER])) {
        return $out;
    }
    echo $out;
    return true;
}

function curl_getinfo(CorralCurlHandle $handle, ?int $option = null): mixed
{
    if ($option === null) {
        return $handle->info;
    }
    return match ($option) {
        CURLINFO_HTTP_CODE => $handle->info['http_code'] ?? 0,
        CURLINFO_CONTENT_TYPE => $handle->info['content_type'] ?? null,
        CURLINFO_EFFECTIVE_URL => $handle->info['url'] ?? '',
        CURLINFO_SIZE_DOWNLOAD => $handle->info['size_download'] ?? 0,
        CURLINFO_HEADER_SIZE => $handle->info['header_size'] ?? 0,
        default => false,
    };
}

function curl_error(CorralCurlHandle $handle): string
{
    return $handle->error;
}

function curl_errno(CorralCurlHandle $handle): int
{
    return $handle->errno;
}

function curl_close(CorralCurlHandle $handle): void
{
}

function curl_reset(CorralCurlHandle $handle): void
{
    $handle->options = [];
}
