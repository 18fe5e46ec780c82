<?php
// A command-line tool: options from $argv, settings from the environment, records from STDIN.
$args = array_slice($argv, 1);
echo "argc=$argc args=", json_encode($args), "\n";
$opts = [];
foreach ($args as $a) {
    if (preg_match('/^--([\w-]+)(?:=(.*))?$/', $a, $m)) {
        $opts[$m[1]] = $m[2] ?? true;
    }
}
echo json_encode($opts), "\n";
echo "REGION=", getenv('REGION'), " LIMIT=", getenv('LIMIT'), " MISSING=", var_export(getenv('MISSING'), true), "\n";
echo "env array: ", $_ENV['REGION'] ?? '(none)', " ", $_SERVER['LIMIT'] ?? '(none)', "\n";
$limit = (int) (getenv('LIMIT') ?: 10);
$n = 0;
$sum = 0;
while (($line = fgets(STDIN)) !== false) {
    $line = rtrim($line, "\r\n");
    if ($line === '' || $line[0] === '#') {
        continue;
    }
    [$name, $value] = explode(':', $line, 2) + [1 => '0'];
    $n++;
    $sum += (int) trim($value);
    if ($n <= $limit) {
        printf("%-8s %5d\n", trim($name), (int) trim($value));
    }
}
echo "lines=$n sum=$sum eof=", var_export(feof(STDIN), true), "\n";
echo "again: ", var_export(stream_get_contents(STDIN), true), "\n";
putenv('DERIVED=yes');
echo getenv('DERIVED'), " ", PHP_SAPI, " ", php_sapi_name(), "\n";
