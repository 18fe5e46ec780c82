<?php
// exit with a status after output, and shutdown functions and destructors that still run.
class Resource
{
    public function __destruct()
    {
        echo "resource released\n";
    }
}

register_shutdown_function(function () {
    echo "shutdown function\n";
});
$r = new Resource();
$code = (int) ($argv[1] ?? 0);
echo "exiting with $code\n";
fwrite(STDERR, "to stderr before exit\n");
exit($code);
