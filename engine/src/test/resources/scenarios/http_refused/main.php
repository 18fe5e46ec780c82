<?php
// a refused request is a warning (on stderr) and false, as PHP reports a network failure
$body = file_get_contents($argv[1]);
echo $body === false ? "refused\n" : "reached\n";
echo "still running\n";
