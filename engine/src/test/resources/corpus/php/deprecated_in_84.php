<?php
// Code written for PHP 8.2 that PHP 8.4 deprecates: it still runs, with Deprecated notices on stderr.
mt_srand(3, MT_RAND_PHP);
echo mt_rand(1, 100), "\n";
echo lcg_value() < 1 ? "lcg ok\n" : "lcg bad\n";
function greet(string $name = null)
{
    return 'hi ' . ($name ?? 'anonymous');
}
echo greet(), "\n";
$out = fopen('php://output', 'w');
fputcsv($out, ['a', 'b "c"']);
echo implode('|', str_getcsv('x,"y ""z"""')), "\n";
