<?php
// Enums (pure and backed), their methods and interfaces, and match.
enum Status: string
{
    case Active = 'active';
    case Suspended = 'suspended';
    case Closed = 'closed';

    const DEFAULT = self::Active;

    public function label(): string
    {
        return match ($this) {
            self::Active => 'Active ✓',
            self::Suspended, self::Closed => ucfirst($this->value) . ' ✗',
        };
    }

    public static function fromLabel(string $label): self
    {
        foreach (self::cases() as $case) {
            if ($case->label() === $label) {
                return $case;
            }
        }
        throw new ValueError("unknown label $label");
    }
}

interface HasColor
{
    public function color(): string;
}

enum Suit implements HasColor
{
    case Hearts;
    case Spades;

    public function color(): string
    {
        return $this === self::Hearts ? 'red' : 'black';
    }
}

foreach (Status::cases() as $s) {
    echo $s->name, '=', $s->value, ' ', $s->label(), "\n";
}
echo Status::from('closed')->name, " ", var_export(Status::tryFrom('nope'), true), " ", Status::DEFAULT->value, "\n";
echo Status::fromLabel('Closed ✗')->value, " ", Suit::Spades->color(), " ", Suit::Hearts instanceof HasColor ? 'colored' : '', "\n";
echo json_encode(['s' => Status::Suspended, 'all' => Status::cases()]), "\n";
var_dump(Status::Active === Status::from('active'), Suit::Hearts == Suit::Spades, Status::Active instanceof UnitEnum, Status::Active instanceof BackedEnum);
try {
    Status::from('gone');
} catch (ValueError $e) {
    echo get_class($e), "\n";
}
var_dump(Suit::Hearts);
var_dump(Status::Closed);
echo count(Suit::cases()), " ", (new ReflectionEnum(Status::class))->getBackingType(), "\n";
$n = 7;
echo match (true) {
    $n < 0 => 'negative',
    $n === 0 => 'zero',
    $n % 2 === 1 => 'odd',
    default => 'even',
}, "\n";
try {
    echo match ($n) { 1 => 'one', 2 => 'two' };
} catch (\UnhandledMatchError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
$fn = fn(Status $s): bool => in_array($s, [Status::Active, Status::Suspended], true);
echo implode(',', array_map(fn($s) => $s->name, array_filter(Status::cases(), $fn))), "\n";
