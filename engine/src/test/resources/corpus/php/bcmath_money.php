<?php
// Money arithmetic with bcmath, where floats would round wrongly.
bcscale(2);
$items = ['19.99', '5.01', '0.10', '100.00'];
$total = '0';
foreach ($items as $p) {
    $total = bcadd($total, $p);
}
echo $total, " ", bcmul($total, '1.0825', 4), " ", bcdiv('10', '3', 5), " ", bcsub('1', '2.5'), "\n";
echo bcpow('2', '64', 0), " ", bcmod('10', '3'), " ", bcsqrt('2', 10), " ", bccomp('1.001', '1.0001', 3), "\n";
echo bcadd('0.1', '0.2', 1), " ", bcmul('123456789012345678901234567890', '987654321', 0), "\n";
