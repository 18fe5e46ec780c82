<?php
foreach ([15, 2, 1] as $sig) {
    if (!function_exists('posix_kill')) {
        echo "refused undefined\n";
        continue;
    }
    try {
        echo @posix_kill(getmypid(), $sig) ? "reached $sig\n" : "refused false\n";
    } catch (Throwable $e) {
        echo "refused ", get_class($e), "\n";
    }
}
echo "after\n";
