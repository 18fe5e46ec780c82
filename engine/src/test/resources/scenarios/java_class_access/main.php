<?php
try {
    echo (new Java("java.lang.Runtime")), "\n";
} catch (Throwable $e) {
    echo "refused: ", get_class($e), "\n";
}
try {
    echo Polyglot::eval("js", "1"), "\n";
} catch (Throwable $e) {
    echo "refused: ", get_class($e), "\n";
}
echo "after\n";
