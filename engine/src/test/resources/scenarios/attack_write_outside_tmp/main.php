<?php
$attempts = [
    'chmod input' => fn() => chmod('/mnt/req/in.txt', 0666),
    'overwrite input' => fn() => file_put_contents('/mnt/req/in.txt', 'changed'),
    'remove input' => fn() => unlink('/mnt/req/in.txt'),
    'truncate input' => fn() => ($h = fopen('/mnt/req/in.txt', 'r+')) && ftruncate($h, 0),
    'chmod folder' => fn() => chmod('/mnt/req', 0777),
    'chmod root' => fn() => chmod('/', 0777),
    'create at root' => fn() => file_put_contents('/etc_x', 'x'),
    'mkdir at root' => fn() => mkdir('/x'),
    'rename mount' => fn() => rename('/mnt', '/tmp/mnt'),
    'write code' => fn() => file_put_contents('/code/other.php', 'x'),
];
foreach ($attempts as $what => $attempt) {
    try {
        echo @$attempt() ? "reached $what\n" : "refused $what\n";
    } catch (Throwable $e) {
        echo "refused $what ", get_class($e), "\n";
    }
}
echo "input ", file_get_contents('/mnt/req/in.txt'), "\n";
file_put_contents('/tmp/ok.txt', 'ok');
echo "tmp ", file_get_contents('/tmp/ok.txt'), "\n";
echo "after\n";
