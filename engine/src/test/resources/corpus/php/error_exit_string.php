<?php
// exit with a string prints it and exits 0; die() is the same.
echo "about to stop\n";
if (count($argv) > 5) {
    exit(2);
}
die("stopped: no more work\n");
