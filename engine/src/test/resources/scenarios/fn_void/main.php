<?php
function execute($input) {
    if ($input !== null) { throw new Exception("expected null input"); }
}
