<?php
// Features newer than Debian's PHP 8.2: typed class constants and json_validate (8.3), property
// hooks, asymmetric visibility, array_find/array_any and new without parentheses (8.4).
final class Temperature
{
    const string UNIT = 'C';

    public private(set) int $reads = 0;

    public function __construct(private float $celsius)
    {
    }

    public float $fahrenheit {
        get {
            $this->reads++;
            return $this->celsius * 9 / 5 + 32;
        }
    }
}

$t = new Temperature(21.5);
echo $t->fahrenheit, " ", $t->fahrenheit, " reads=", $t->reads, " ", Temperature::UNIT, "\n";
echo new ArrayObject([1, 2, 3])->count(), "\n";
echo array_find([3, 8, 12], fn($v) => $v > 5), " ", var_export(array_any([1, 2], fn($v) => $v > 1), true), " ", var_export(array_all([1, 2], fn($v) => $v > 1), true), "\n";
var_dump(json_validate('{"a": [1, 2]}'), json_validate('{bad'));
echo str_increment('Az'), " ", mb_str_pad('é', 3, '*', STR_PAD_BOTH), " ", mb_ucfirst('élan'), "\n";
