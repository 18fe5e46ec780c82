<?php
function execute($input) {
    return NAN;
}
