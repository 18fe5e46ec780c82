<?php
// Numbers as reports print them.
echo number_format(1234567.891), " ", number_format(1234567.891, 2), " ", number_format(1234567.891, 2, ',', '.'), " ", number_format(0.5), " ", number_format(-1234.567, 1), "\n";
echo round(2.5), " ", round(3.5), " ", round(-2.5), " ", round(1.955, 2), " ", round(1234.5678, -2), " ", round(5.045, 2), " ", round(5.055, 2), "\n";
echo floor(-1.5), " ", ceil(-1.5), " ", intdiv(17, 5), " ", 17 % 5, " ", -17 % 5, " ", fmod(10, 3), " ", 2 ** 10, " ", 2 ** -1, "\n";
echo 0.1 + 0.2, " ", 1 / 3, " ", 1e100, " ", 1.5e-7, " ", (0.1 + 0.2 == 0.3 ? 'eq' : 'ne'), " ", PHP_INT_MAX + 1, "\n";
var_dump(0.1 + 0.2, 1e15, 1e16, -0.0, 7.0, (int) '12abc', (float) '1.5e3', '10' == '1e1', 0 == 'a', null ?? 'd');
echo PHP_INT_MAX, " ", PHP_INT_MIN, " ", PHP_INT_SIZE, " ", PHP_FLOAT_EPSILON, " ", PHP_FLOAT_DIG, "\n";
echo base_convert('ff', 16, 2), " ", bindec('1010'), " ", decbin(10), " ", dechex(255), " ", hexdec('7fffffff'), " ", octdec('777'), " ", decoct(8), "\n";
echo str_pad(number_format(42.1, 2), 10, ' ', STR_PAD_LEFT), "|", sprintf('%08.3f', 3.14159), "|", sprintf('%.2e', 123456), "\n";
echo max([1, 5, 3]), " ", min(2, 8), " ", array_sum([0.1, 0.2, 0.3]), " ", array_product([2, '3', 4.0]), " ", abs(-7.5), " ", sqrt(2), " ", pi(), "\n";
echo is_numeric('1e5') ? 'y' : 'n', is_numeric(' 5') ? 'y' : 'n', is_numeric('5 ') ? 'y' : 'n', is_numeric('0x1A') ? 'y' : 'n', "\n";
echo intval('0x1A', 16), " ", intval('042', 0), " ", intval('42', 8), " ", (int) 12.9, " ", (int) -12.9, " ", (int) '  7 ', "\n";
echo number_format(1e6 / 7, 4), " ", 10 / 4, " ", 10 / 5, " ", 7 <=> 3, " ", log(M_E), " ", exp(1), " ", hypot(3, 4), "\n";
var_dump(round(1.5), fdiv(1, 0), is_nan(fdiv(0, 0)), 9007199254740993, (float) 9007199254740993);
