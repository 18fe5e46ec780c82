<?php
$text = @file_get_contents("/etc/passwd");
echo $text === false ? "refused: no /etc/passwd\n" : substr($text, 0, 20) . "\n";
$url = @file_get_contents("file:///etc/passwd");
echo $url === false ? "refused: no file:///etc/passwd\n" : substr($url, 0, 20) . "\n";
echo "after\n";
