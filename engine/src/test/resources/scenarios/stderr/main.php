<?php
fwrite(STDERR, "to stderr\n");
echo "to stdout\n";
