<?php
// An exception nobody catches: PHP reports it on stderr and exits with 255; output before it is kept.
final class QuotaExceeded extends RuntimeException
{
}

function charge(int $units): void
{
    if ($units > 10) {
        throw new QuotaExceeded("quota exceeded by " . ($units - 10) . " units");
    }
    echo "charged $units\n";
}

charge(3);
charge(12);
echo "never printed\n";
