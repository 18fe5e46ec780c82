<?php
$n = (int) $argv[1];
echo $n * $n, "\n";
