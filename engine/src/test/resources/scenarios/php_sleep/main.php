<?php
usleep(100000);
echo "awake\n";
