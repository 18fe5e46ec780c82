<?php
// module-level state: would survive between calls only in a warm instance (PHP runs every call fresh)
$count = 0;

function execute($input) {
    global $count;
    $count += 1;
    echo "call $count\n";
    return ["count" => $count, "mode" => getenv("MODE") === false ? null : getenv("MODE")];
}
