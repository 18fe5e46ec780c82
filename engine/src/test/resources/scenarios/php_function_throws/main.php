<?php
function execute($input) {
    throw new RuntimeException("function failed");
}
