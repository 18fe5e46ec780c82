<?php
$chunk = str_repeat("0123456789", 1000);
for ($i = 0; $i < 200; $i++) {
    echo $chunk;
}
