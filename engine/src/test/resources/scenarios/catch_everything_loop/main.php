<?php
echo "started\n";
while (true) { try { while (true) {} } catch (Throwable $e) {} finally { } }
