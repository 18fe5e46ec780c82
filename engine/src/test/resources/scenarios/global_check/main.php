<?php
echo isset($GLOBALS["corralMarker"]) ? "present" : "absent", " ", file_exists("/tmp/corral-marker") ? "present" : "absent", "\n";
