<?php
// Everyday string handling.
$s = "  The quick brown fox jumps over the lazy dog.  ";
echo trim($s), "|", rtrim($s), "|", ltrim($s, ' T'), "|\n";
echo ucwords('hello world-wide web', " -"), " ", lcfirst('Hello'), " ", ucfirst(strtolower('SHOUT')), "\n";
var_dump(str_contains($s, 'fox'), str_starts_with(trim($s), 'The'), str_ends_with(trim($s), 'dog'));
echo substr_count($s, 'o'), " ", strpos($s, 'o'), " ", strrpos($s, 'o'), " ", stripos($s, 'THE'), " ", var_export(strpos($s, 'cat'), true), "\n";
echo substr('abcdef', -3, 2), " ", substr('abc', 5) === '' ? 'empty' : 'x', " ", str_word_count($s), " ", strlen($s), "\n";
echo wordwrap('A very long sentence that needs wrapping at twenty', 20, "\n", true), "\n";
echo strtr('Hi all, I said', ['Hi' => 'Hello', 'said' => 'say']), " ", str_replace(['a', 'b'], ['b', 'c'], 'ab', $count), " $count\n";
echo similar_text('World', 'Word', $pct), " ", round($pct, 2), " ", levenshtein('kitten', 'sitting'), " ", soundex('Robert'), " ", metaphone('Thompson'), "\n";
echo nl2br("a\nb"), " ", addslashes("O'Reilly \"q\""), " ", stripslashes('O\\\'R'), " ", quotemeta('1+1=2?'), "\n";
echo implode(',', str_split('abcdefg', 3)), " ", chunk_split('abcdefg', 3, '-'), " ", strrev('stressed'), "\n";
echo str_pad('7', 3, '0', STR_PAD_LEFT), " ", str_repeat('=-', 5), " ", ucfirst(trim(sprintf('%10s', 'x'))), "\n";
echo implode('|', explode(',', 'a,,b,', -1)), " ", implode('|', explode(',', 'a,b,c', 2)), "\n";
echo strcmp('a', 'b'), " ", strcasecmp('HELLO', 'hello'), " ", strncasecmp('Hello', 'help', 3), " ", strnatcmp('img12', 'img10'), " ", strnatcasecmp('A1', 'a2'), "\n";
echo substr_replace('Hello World', 'PHP', 6, 5), " ", ucwords(str_replace('_', ' ', 'snake_case_name')), " ", lcfirst(str_replace(' ', '', ucwords(str_replace('_', ' ', 'snake_case_name')))), "\n";
echo strtolower(preg_replace('/(?<!^)[A-Z]/', '_$0', 'CamelCaseString')), " ", strpbrk('This is a test', 'st'), " ", strstr('user@example.com', '@', true), " ", strrchr('a/b/c', '/'), "\n";
echo count_chars('banana', 3), " ", json_encode(array_filter(count_chars('banana', 1))), " ", ord('A'), chr(66), "\n";
echo sprintf('%s', implode(', ', array_map('ucfirst', ['alpha', 'beta']))), " ", vsprintf('%2$s %1$s', ['a', 'b']), " ", strip_tags('<b>bold</b> text'), "\n";
echo money(1234.5), " ", money(-0.5), "\n";
function money(float $v): string { return ($v < 0 ? '-' : '') . '$' . number_format(abs($v), 2); }
echo htmlentities('café <b>'), " ", html_entity_decode('&lt;p&gt;'), " ", trim(" \t\n x \0"), "|\n";
$tpl = <<<TXT
Dear {name},
  your order #{id} of {count} items ships on {date}.
TXT;
echo strtr($tpl, ['{name}' => 'Zoë', '{id}' => 1042, '{count}' => 3, '{date}' => '2024-03-01']), "\n";
$now = <<<'RAW'
raw $name {not} \n interpolated
RAW;
echo $now, "\n";
$name = 'PHP';
$arr = ['k' => ['n' => 8]];
$flat = ['k' => 'v'];
$obj = new stdClass();
$obj->p = 'prop';
echo "Hello {$name}! {$arr['k']['n']} $flat[k] {$obj->p} $obj->p \$literal \x41\u{263A}\101\n";
