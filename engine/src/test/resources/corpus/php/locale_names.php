<?php
// The C library's name for the composite locale: glibc spells every category, musl only the values.
echo setlocale(LC_ALL, 0), "\n";
echo setlocale(LC_ALL, 'C'), " ", setlocale(LC_CTYPE, 0), "\n";
