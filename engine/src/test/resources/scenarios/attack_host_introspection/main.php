<?php
echo "env ", json_encode(getenv()), "\n";
echo "pid ", getmypid(), " uid ", getmyuid(), " uname ", php_uname('r'), " ", php_uname('n'), "\n";
echo "server ", json_encode(array_keys($_SERVER)), "\n";
echo "after\n";
