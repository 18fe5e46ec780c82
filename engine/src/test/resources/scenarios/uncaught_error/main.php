<?php
function fail() {
    throw new Exception("boom");
}
fail();
