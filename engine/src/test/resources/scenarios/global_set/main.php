<?php
$GLOBALS["corralMarker"] = "set";
file_put_contents("/tmp/corral-marker", "set");
echo "set\n";
