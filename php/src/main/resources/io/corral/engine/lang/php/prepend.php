<?php
// Corral: PHP has started; the runtime now adjusts what the WebAssembly build reports differently
// from PHP on Linux (PHP_OS_FAMILY), before the script is compiled.
file_put_contents('/dev/corral-started', '1');
// Corral: the request's environment, and only it, set before the script runs (php.ini names this
// file as auto_prepend_file). The WebAssembly runtime's C environment is fixed when PHP is
// instantiated, which happens before the execution is known, and is empty.
foreach (json_decode(file_get_contents('/internal/corral/env.json'), true) ?? [] as $__corral_k => $__corral_v) {
    putenv($__corral_k . '=' . $__corral_v);
    $_ENV[$__corral_k] = $__corral_v;
    $_SERVER[$__corral_k] = $__corral_v;
}
unset($__corral_k, $__corral_v);
// outbound HTTP through the host (file_get_contents on URLs, curl_*)
require '/internal/corral/http.php';
