<?php
// Warnings and deprecations go to stderr and the script carries on.
$config = ['name' => 'tool'];
echo $config['missing'] ?? 'default', "\n";
echo @$config['silenced'], "|\n";
echo $config['missing'], "|\n";
echo $undefined ?? 'undef', "\n";
echo intdiv(10, 3), " ", 10 % 3, "\n";
$r = array_combine(['a'], ['x']);
echo json_encode($r), "\n";
echo str_repeat('=', 3), "\n";
