<?php
try {
    $s = fsockopen("127.0.0.1", 22, $errno, $errstr, 1);
    echo $s === false ? "refused: $errstr\n" : "connected\n";
} catch (Throwable $e) {
    echo "refused: ", $e->getMessage(), "\n";
}
$page = @file_get_contents("http://127.0.0.1:1/");
echo $page === false ? "refused: no URL fopen\n" : "fetched\n";
echo "after\n";
