<?php
echo implode(" ", array_slice($argv, 1)), "\n";
