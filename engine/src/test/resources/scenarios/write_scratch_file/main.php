<?php
echo "left over: ", file_exists('/tmp/scratch.txt') ? "True" : "False", "\n";
file_put_contents('/tmp/scratch.txt', 'scratch');
echo file_get_contents('/tmp/scratch.txt'), "\n";
