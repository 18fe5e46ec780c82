<?php
function show($v) { return $v === false ? "undefined" : $v; }
echo show(getenv("K1")), " ", show(getenv("PATH")), " ", show(getenv("HOME")), "\n";
