<?php
// Exceptions caught and handled: custom classes, chaining, finally, rethrow, error conversion.
class ValidationError extends InvalidArgumentException
{
    public function __construct(public readonly string $field, string $message, ?Throwable $previous = null)
    {
        parent::__construct("$field: $message", 422, $previous);
    }
}

function parseAge(mixed $v): int
{
    if (!is_numeric($v)) {
        throw new ValidationError('age', 'not a number');
    }
    $age = (int) $v;
    if ($age < 0) {
        throw new RangeException("negative age $age");
    }
    return $age;
}

foreach (['42', 'abc', '-3'] as $input) {
    try {
        echo parseAge($input), "\n";
    } catch (ValidationError $e) {
        echo get_class($e), " [", $e->field, "] ", $e->getMessage(), " ", $e->getCode(), "\n";
    } catch (RangeException | LengthException $e) {
        echo "range: ", $e->getMessage(), "\n";
    } finally {
        echo "checked $input\n";
    }
}

function wrapped(): never
{
    try {
        intdiv(1, 0);
    } catch (DivisionByZeroError $e) {
        throw new RuntimeException('calculation failed', 1, $e);
    }
}

try {
    wrapped();
} catch (RuntimeException $e) {
    echo $e->getMessage(), " <- ", get_class($e->getPrevious()), ": ", $e->getPrevious()->getMessage(), "\n";
}

function order(): string
{
    $log = [];
    try {
        try {
            throw new LogicException('inner');
        } finally {
            $log[] = 'inner finally';
        }
    } catch (LogicException $e) {
        $log[] = 'caught ' . $e->getMessage();
        return implode(', ', $log);
    } finally {
        echo "outer finally runs before the return value is used\n";
    }
}
echo order(), "\n";

try {
    strlen();
} catch (ArgumentCountError $e) {
    echo get_class($e), "\n";
}
try {
    (function (int $x) { return $x; })('nope');
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
try {
    null->method();
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
try {
    new DateTime('not a date at all');
} catch (Exception $e) {
    // PHP 8.3 made this a DateMalformedStringException, a subclass of Exception
    echo $e instanceof Exception ? 'Exception' : get_class($e), "\n";
}
try {
    json_decode('{bad', false, 512, JSON_THROW_ON_ERROR);
} catch (JsonException $e) {
    echo get_class($e), ' ', $e->getCode(), ' ', $e->getMessage(), "\n";
}
set_error_handler(function (int $no, string $str) {
    throw new ErrorException($str, 0, $no);
});
try {
    $arr = [];
    echo $arr['missing'];
} catch (ErrorException $e) {
    echo "converted: ", $e->getMessage(), " severity ", $e->getSeverity() === E_WARNING ? 'E_WARNING' : $e->getSeverity(), "\n";
}
restore_error_handler();
echo "done\n";
