<?php
echo "never";;
echo (;
