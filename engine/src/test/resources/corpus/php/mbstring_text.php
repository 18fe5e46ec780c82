<?php
// mbstring, as tool code uses it for user-visible text.
$s = "Zoë café naïve — Ελληνικά 日本語 😀";
echo mb_strlen($s), " ", strlen($s), "\n";
echo mb_substr($s, 4, 4), "|", mb_strtoupper($s), "\n";
echo mb_strtolower("ÀÉÎ ΣΑΣ"), "\n";
echo mb_convert_case("hello wörld", MB_CASE_TITLE), "\n";
echo mb_strpos($s, 'café'), " ", mb_strwidth('日本語abc'), "\n";
echo mb_strimwidth('Hello wörld and more', 0, 10, '…'), "\n";
echo implode(',', mb_str_split('añ😀b')), "\n";
echo mb_substr_count('ababab', 'ab'), " ", mb_internal_encoding(), "\n";
echo mb_convert_encoding('café', 'ISO-8859-1', 'UTF-8') === "caf\xe9" ? "latin1 ok" : "latin1 bad", "\n";
var_dump(mb_check_encoding("\xff", 'UTF-8'), mb_detect_encoding('café', ['ASCII', 'UTF-8']));
