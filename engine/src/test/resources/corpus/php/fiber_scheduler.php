<?php
// Fibers as a tiny cooperative scheduler (Corral's WebAssembly PHP cannot switch stacks).
$log = [];
$tasks = [];
foreach (['a', 'b'] as $name) {
    $tasks[] = new Fiber(function (int $steps) use ($name, &$log): string {
        for ($i = 1; $i <= $steps; $i++) {
            $log[] = "$name$i";
            Fiber::suspend($i);
        }
        return "$name done";
    });
}
try {
    foreach ($tasks as $i => $fiber) {
        $fiber->start($i + 2);
    }
    while (array_filter($tasks, fn($f) => !$f->isTerminated())) {
        foreach ($tasks as $fiber) {
            if (!$fiber->isTerminated()) {
                $fiber->resume();
            }
        }
    }
    echo implode(' ', $log), "\n", implode(', ', array_map(fn($f) => $f->getReturn(), $tasks)), "\n";
} catch (Throwable $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
