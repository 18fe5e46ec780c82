<?php
$context = stream_context_create(['http' => ['header' => "X-From-Guest: yes\r\n"]]);
$body = file_get_contents($argv[1], false, $context);
echo "200 true ", $body, "\n";
echo "env: ", json_encode(getenv()), "\n";
