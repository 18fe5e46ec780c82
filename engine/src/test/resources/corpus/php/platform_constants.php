<?php
// What a script sees of the platform it runs on (only what is the same on every Linux PHP 8.2+).
echo PHP_OS, " ", PHP_OS_FAMILY, " ", DIRECTORY_SEPARATOR, " ", PATH_SEPARATOR, " ", json_encode(PHP_EOL), " ", PHP_INT_SIZE, "\n";
echo PHP_MAJOR_VERSION, " ", version_compare(PHP_VERSION, '8.2.0', '>=') ? '>= 8.2' : 'old', " ", PHP_SAPI, "\n";
echo date_default_timezone_get(), " ", ini_get('precision'), " ", ini_get('serialize_precision'), " ", ini_get('default_charset'), "\n";
echo setlocale(LC_CTYPE, 0), " ", sys_get_temp_dir(), " ", basename(__FILE__), " ", basename($argv[0]), " ", __LINE__, "\n";
echo ini_get('display_errors'), " ", var_export(extension_loaded('json'), true), " ", var_export(function_exists('preg_match'), true), "\n";
echo json_encode(array_values(array_intersect(['Core', 'date', 'json', 'pcre', 'SPL', 'standard', 'hash', 'ctype', 'iconv', 'filter'], get_loaded_extensions()))), "\n";
echo gettype(memory_get_usage()), " ", gettype(hrtime(true)), " ", gettype(microtime(true)), " ", getmypid() > 0 ? 'pid' : 'no pid', "\n";
echo ctype_digit('123') ? 'digits' : '', " ", ctype_alpha('abc') ? 'alpha' : '', " ", ctype_space(" \n") ? 'space' : '', "\n";
