<?php
$s = stream_get_contents(STDIN);
echo strrev($s), "\n";
