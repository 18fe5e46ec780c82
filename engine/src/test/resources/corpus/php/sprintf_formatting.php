<?php
// printf-style formatting for tables and reports.
printf("[%s] [%5s] [%-5s] [%'*8s] [%05d] [%+d] [%+d] [%x] [%X] [%o] [%b] [%c]\n", 'a', 'ab', 'ab', 'pad', 42, 5, -5, 255, 255, 8, 5, 65);
printf("[%.2f] [%10.3f] [%-10.1f] [%e] [%.3E] [%g] [%G] [%%] [%u]\n", 3.14159, 2.71828, 1.05, 12345.678, 0.00012, 0.00001234, 1e20, -1);
printf("[%2\$s %1\$s] [%1\$'#10.3f]\n", 3.5, 'second');
echo sprintf('%08.2f|%-8s|%8s|', -3.5, 'left', 'right'), sprintf('%5.1s|', 'truncate'), sprintf('%.3s', 'abcdef'), "\n";
echo vsprintf("%s is %d years and %.1f%% done\n", ['Zoë', 31, 45.67]);
$rows = [['Widget', 3, 4.5], ['Gadget with a long name', 12, 19.999], ['Ünïcode', 1, 0.5]];
printf("%-12s %5s %10s\n", 'Item', 'Qty', 'Price');
foreach ($rows as [$name, $qty, $price]) {
    printf("%-12.12s %5d %10s\n", $name, $qty, number_format($price, 2));
}
echo str_repeat('-', 29), "\n";
echo sprintf('%s', true), sprintf('[%s]', false), sprintf('[%s]', null), sprintf('%d', '12abc'), sprintf('%d', 3.99), sprintf(' %.1f', '2.25'), "\n";
echo sprintf('%05.1f %05s %5.5s', 9.96, 'ab', 'abcdefgh'), "\n";
echo number_format(0.125, 2), ' ', sprintf('%.2f', 0.125), ' ', sprintf('%.2f', 1.005), ' ', round(1.005, 2), "\n";
fprintf(STDOUT, "%s=%d\n", 'to stdout', 1);
echo implode(' ', sscanf('age: 25 name: Bob', 'age: %d name: %s')), "\n";
echo sprintf("%'.10d|%-'x10d|%u", 42, 42, 3), "\n";
echo strval(1.0), ' ', 1.0, ' ', 100000000000000000000.0, ' ', 0.00001, ' ', -0.0, ' ', 1e6, ' ', (string) 1.23456789012345678, "\n";
