<?php
// Unicode text with PCRE's /u mode, iconv and JSON: the parts of PHP that handle UTF-8 without mbstring.
$text = "Zoë café naïve — Ελληνικά 日本語 😀 Straße";
preg_match_all('/\p{L}+/u', $text, $m);
echo implode('|', $m[0]), "\n";
echo count(preg_split('//u', $text, -1, PREG_SPLIT_NO_EMPTY)), " characters, ", strlen($text), " bytes\n";
echo iconv_strlen($text, 'UTF-8'), "\n";
echo iconv_substr($text, 4, 4, 'UTF-8'), "\n";
echo iconv('UTF-8', 'ASCII//TRANSLIT', 'cafe') , "\n";
echo json_encode(['t' => 'Zoë 😀']), "\n";
echo json_encode(['t' => 'Zoë 😀'], JSON_UNESCAPED_UNICODE), "\n";
var_dump(json_decode('"\u00e9\ud83d\ude00"'));
echo htmlspecialchars('<a href="x">café & co</a>'), "\n";
echo html_entity_decode('&eacute;&hellip;&#128512;&amp;'), "\n";
echo strtoupper("abc é"), "|", ucfirst("élan"), "\n";
echo preg_replace('/(?<=\p{Ll})(?=\p{Lu})/u', ' ', 'camelCaseÉtéWord'), "\n";
echo str_pad('é', 6, '*', STR_PAD_BOTH), "|\n";
echo strrev('abc'), " ", bin2hex('é'), " ", mb_check_encoding_fallback("\xff"), "\n";
function mb_check_encoding_fallback(string $s): string { return preg_match('//u', $s) ? 'valid' : 'invalid'; }
echo wordwrap('Grüße aus Köln und München', 12, "\n", true), "\n";
foreach (['ä' => 1, 'a' => 2, 'z' => 3, 'é' => 4] as $k => $v) { $keys[] = $k; }
sort($keys);
echo implode(',', $keys), "\n";
echo "caf\u{e9} \u{1F600}\n";
