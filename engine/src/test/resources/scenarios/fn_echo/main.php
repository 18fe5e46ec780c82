<?php
function execute($input) {
    return $input;
}
