<?php
// Closures, callables and the functional array helpers.
$prices = ['apple' => 1.2, 'pear' => 0.8, 'kiwi' => 2.5, 'plum' => 0.4];
$tax = 0.2;
$withTax = array_map(fn($p) => round($p * (1 + $tax), 2), $prices);
echo json_encode($withTax), "\n";
echo json_encode(array_filter($prices, fn($p, $k) => $p > 0.5 && $k !== 'kiwi', ARRAY_FILTER_USE_BOTH)), "\n";
echo array_reduce(array_keys($prices), fn($carry, $k) => $carry . $k[0], '>'), "\n";
$counter = function () {
    static $n = 0;
    return ++$n;
};
$counter();
$counter();
echo $counter(), "\n";
$total = 0;
$add = function (int $x) use (&$total): void {
    $total += $x;
};
array_map($add, [1, 2, 3]);
echo $total, "\n";
function compose(callable ...$fns): Closure
{
    return fn($x) => array_reduce($fns, fn($acc, $f) => $f($acc), $x);
}
$slug = compose('trim', 'strtolower', fn($s) => preg_replace('/[^a-z0-9]+/', '-', $s), fn($s) => trim($s, '-'));
echo $slug('  Hello, World: PHP 8!  '), "\n";
function greet(string $greeting, string $name = 'you', string ...$rest): string
{
    return "$greeting, $name" . ($rest ? ' & ' . implode(' & ', $rest) : '') . '!';
}
echo greet(name: 'Zoë', greeting: 'Hi'), " ", greet('Hey'), " ", greet('Yo', ...['a', 'b', 'c']), "\n";
$args = ['greeting' => 'Hello', 'name' => 'named'];
echo greet(...$args), "\n";
class Temp
{
    private float $c = 21.5;
}
$peek = fn() => $this->c;
echo Closure::bind($peek, new Temp(), Temp::class)(), "\n";
$strlen = strlen(...);
echo $strlen('four'), " ", implode(',', array_map(intval(...), ['1', '2x', 'x'])), "\n";
echo json_encode(array_map(null, [1, 2], ['a', 'b'])), " ", json_encode(array_map(fn($a, $b) => $a . $b, [1, 2], ['a', 'b'])), "\n";
$user = null;
echo $user?->profile?->name ?? 'anonymous', "\n";
function memoize(callable $f): Closure
{
    $cache = [];
    $self = null;
    $self = function (int $n) use (&$cache, $f, &$self) {
        return $cache[$n] ??= $f($n, $self);
    };
    return $self;
}
$memoized = memoize(fn(int $n, Closure $self) => $n < 2 ? $n : $self($n - 1) + $self($n - 2));
echo $memoized(50), "\n";
$words = ['banana', 'Apple', 'cherry'];
usort($words, 'strcasecmp');
echo implode(',', $words), " ", is_callable('strlen') ? 'callable' : '', " ", is_callable([new DateTime(), 'format']) ? 'method' : '', "\n";
echo call_user_func_array([new ArrayObject([3, 1, 2]), 'count'], []), " ", call_user_func('str_repeat', 'ab', 2), "\n";
