<?php
function execute($input) {
    echo "noise\n";
    return $input["a"] + $input["b"];
}
