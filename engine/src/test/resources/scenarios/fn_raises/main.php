<?php
function execute($input) {
    throw new InvalidArgumentException("bad input");
}
