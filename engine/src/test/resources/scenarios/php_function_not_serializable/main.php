<?php
function execute($input) {
    return ["bad" => "\xB1\x31"];
}
