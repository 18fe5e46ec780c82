<?php
function run($input) {
    return $input;
}
