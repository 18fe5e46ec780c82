<?php
// Interfaces, abstract classes, traits, readonly and promoted properties, static members.
interface Shape
{
    const UNITS = 'cm';
    public function area(): float;
    public function name(): string;
}

trait Describes
{
    public function describe(): string
    {
        return sprintf('%s with area %.2f %s²', $this->name(), $this->area(), static::UNITS);
    }
}

abstract class Base implements Shape, JsonSerializable
{
    use Describes;
    private static int $created = 0;

    public function __construct()
    {
        self::$created++;
    }

    public static function created(): int
    {
        return self::$created;
    }

    public function name(): string
    {
        return strtolower(static::class);
    }

    public function jsonSerialize(): array
    {
        return ['type' => $this->name(), 'area' => round($this->area(), 3)];
    }

    public function __toString(): string
    {
        return $this->describe();
    }
}

final class Circle extends Base
{
    public function __construct(public readonly float $r)
    {
        parent::__construct();
    }

    public function area(): float
    {
        return M_PI * $this->r ** 2;
    }
}

final class Rect extends Base
{
    public function __construct(private readonly float $w, private readonly float $h)
    {
        parent::__construct();
    }

    public function area(): float
    {
        return $this->w * $this->h;
    }

    public function withWidth(float $w): static
    {
        return new static($w, $this->h);
    }
}

$shapes = [new Circle(1.5), new Rect(2, 3.5), (new Rect(1, 1))->withWidth(4)];
foreach ($shapes as $s) {
    echo $s, "\n";
}
echo json_encode($shapes), "\n";
echo Base::created(), " ", Circle::UNITS, " ", $shapes[0] instanceof Shape ? 'shape' : 'not', "\n";
usort($shapes, fn(Shape $a, Shape $b) => $a->area() <=> $b->area());
echo implode(', ', array_map(fn($s) => $s->name(), $shapes)), "\n";
try {
    $circle = new Circle(2);
    $circle->r = 3;
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
echo implode(',', class_implements(new Circle(1))), " | ", get_parent_class(new Circle(1)), " | ", implode(',', class_uses(Base::class)), "\n";
$area = (new Circle(2))->area(...);
echo round($area(), 4), "\n";
$anon = new class(5) extends Base {
    public function __construct(private float $side)
    {
        parent::__construct();
    }
    public function area(): float
    {
        return $this->side ** 2;
    }
    public function name(): string
    {
        return 'square';
    }
};
echo $anon, "\n";
var_dump($shapes[1] == new Rect(2, 3.5), $shapes[1] === $shapes[1]);
$clone = clone $shapes[0];
echo get_class($clone), " ", method_exists($clone, 'describe') ? 'has describe' : '', " ", property_exists(Circle::class, 'r') ? 'has r' : '', "\n";
