<?php
// Generators for streaming work: keys, send, delegation, return values; and SPL iterators.
function lines(string $text): Generator
{
    foreach (explode("\n", $text) as $i => $line) {
        yield $i + 1 => $line;
    }
}

function nonEmpty(iterable $lines): Generator
{
    foreach ($lines as $n => $line) {
        if (trim($line) !== '') {
            yield $n => trim($line);
        }
    }
    return 'filtered';
}

$g = nonEmpty(lines("first\n\n  second  \nthird\n"));
foreach ($g as $n => $line) {
    echo "$n: $line\n";
}
echo $g->getReturn(), "\n";

function counter(): Generator
{
    $total = 0;
    while (true) {
        $x = yield $total;
        if ($x === null) {
            return $total;
        }
        $total += $x;
    }
}
$c = counter();
$c->current();
foreach ([5, 10, 20] as $v) {
    echo "running total ", $c->send($v), "\n";
}
$c->send(null);
echo "final ", $c->getReturn(), " valid=", var_export($c->valid(), true), "\n";

function inner(): Generator
{
    yield 1;
    yield 2;
    return 3;
}
function outer(): Generator
{
    $r = yield from inner();
    yield $r;
    yield from ['a' => 4, 'b' => 5];
}
foreach (outer() as $k => $v) {
    echo "$k=>$v ";
}
echo "\n", json_encode(iterator_to_array(outer(), false)), "\n";

function fib(): Generator
{
    [$a, $b] = [0, 1];
    while (true) {
        yield $a;
        [$a, $b] = [$b, $a + $b];
    }
}
foreach (new LimitIterator(fib(), 10, 5) as $f) {
    echo $f, " ";
}
echo "\n";
$it = new CallbackFilterIterator(new ArrayIterator(range(1, 20)), fn($v) => $v % 7 === 0);
echo implode(',', iterator_to_array($it, false)), "\n";
function chunked(iterable $items, int $size): Generator
{
    $chunk = [];
    foreach ($items as $item) {
        $chunk[] = $item;
        if (count($chunk) === $size) {
            yield $chunk;
            $chunk = [];
        }
    }
    if ($chunk) {
        yield $chunk;
    }
}
echo json_encode(iterator_to_array(chunked(new ArrayIterator(range(1, 7)), 3), false)), "\n";
$gen = (fn() => yield from [1, 2, 3])();
echo array_sum(iterator_to_array($gen)), " ", iterator_count(new ArrayIterator([1, 2])), "\n";
try {
    $done = inner();
    foreach ($done as $_) {
    }
    foreach ($done as $_) {
    }
} catch (Exception $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
