<?php
function execute($input) {
    echo "called\n";
    return ["n" => $input["n"] + 1];
}
