<?php
function not_execute($input) {
    return 1;
}
