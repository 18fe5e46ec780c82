<?php
// a refused request is a warning (on stderr) and false, as PHP reports a network failure;
// the handler collects the warnings' text and lets PHP print them as usual
$why = [];
set_error_handler(function ($no, $message) use (&$why) {
    $why[] = $message;
    return false;
});
$body = file_get_contents($argv[1]);
restore_error_handler();
echo $body === false ? "refused: " . implode("; ", $why) . "\n" : "reached\n";
echo "still running\n";
