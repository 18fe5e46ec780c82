<?php
// Corral's function runner: the script that runs instead of /code/main.php for a function call.
// It loads the caller's code (which defines execute), calls execute once with the decoded input,
// and hands the result back as JSON text through a file the engine reads after PHP ends. Output
// the function prints stays on stdout.
$__corral_input = json_decode(file_get_contents('/internal/corral/input.json'), true, 512, JSON_THROW_ON_ERROR);
require '/code/main.php';
if (!function_exists('execute')) {
    fwrite(STDERR, "PHP Fatal error:  the code must define a top-level function execute(\$input) in /code/main.php\n");
    exit(1);
}
$__corral_result = execute($__corral_input);
try {
    $__corral_json = json_encode($__corral_result, JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
    file_put_contents('/internal/corral/status', 'json_serialization_error');
    exit(0);
}
file_put_contents('/internal/corral/output.json', $__corral_json);
file_put_contents('/internal/corral/status', 'valid');
