<?php
foreach (["shell_exec", "exec", "system", "passthru", "proc_open", "popen"] as $f) {
    try {
        $out = $f === "proc_open" ? proc_open("id", [], $pipes) : ($f === "popen" ? popen("id", "r") : $f("id"));
        echo "pwned by $f: ", var_export($out, true), "\n";
    } catch (Throwable $e) {
        echo "refused: ", $e->getMessage(), "\n";
    }
}
echo "after\n";
