<?php
declare(strict_types=1);
// strict_types: a wrong scalar type is a TypeError nobody catches, a fatal error with status 255.
function total(int ...$values): int
{
    return array_sum($values);
}

echo total(1, 2, 3), "\n";
echo total(1, '2'), "\n";
