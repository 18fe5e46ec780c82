<?php
// var_dump, print_r, var_export and serialize of the same nested value.
class Point
{
    public function __construct(public int $x = 0, protected ?string $label = null, private array $tags = [])
    {
    }
}
$value = ['n' => 42, 'f' => 1.5, 's' => "two\nlines", 'b' => false, 'null' => null, 'list' => [1, [2, 3]],
    'obj' => new Point(3, 'p', ['a']), 'std' => (object) ['k' => 'v'], 7 => 'int key'];
var_dump($value);
print_r($value);
echo "\n";
var_export($value['list']);
echo "\n";
var_export(['a' => 1.0, 'b' => null, 'c' => true, 'd' => "q'uote"]);
echo "\n";
var_export(new Point(1));
echo "\n";
$ser = serialize($value);
echo $ser, "\n";
$back = unserialize($ser);
var_dump($back == $value, $back['obj'] instanceof Point, unserialize(serialize(1.1)), unserialize('b:0;'));
var_dump(unserialize('O:8:"stdClass":1:{s:1:"a";i:1;}', ['allowed_classes' => false]));
echo serialize([true, 1.0, 0.1, 'é']), "\n";
debug_zval_refcount_free();
function debug_zval_refcount_free(): void
{
    $a = [1, 2];
    $b = &$a[0];
    $b = 9;
    var_dump($a);
}
