<?php
echo "before\n";
throw new Exception(str_repeat("A", 5 * 1024 * 1024));
