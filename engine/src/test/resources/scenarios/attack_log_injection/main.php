<?php
for ($i = 0; $i < 50; $i++) {
    error_log("corral-forged-line\nSEVERE: x");
}
echo "after\n";
