<?php
// Extracting fields from log lines with preg_*.
$log = <<<'LOG'
2024-03-01T10:15:00Z INFO  user=alice action=login ip=10.0.0.1 took=12ms
2024-03-01T10:16:30Z WARN  user=bob action=upload size=1.5MB took=340ms
2024-03-01T10:17:05Z ERROR user=alice action=delete id=42 took=7ms msg="not allowed"
LOG;
foreach (explode("\n", $log) as $line) {
    if (preg_match('/^(?<ts>\S+)\s+(?<level>[A-Z]+)\s+(?<rest>.*)$/', $line, $m)) {
        preg_match_all('/(\w+)=("[^"]*"|\S+)/', $m['rest'], $pairs, PREG_SET_ORDER);
        $fields = [];
        foreach ($pairs as [, $k, $v]) {
            $fields[$k] = trim($v, '"');
        }
        printf("%-5s %s %s\n", $m['level'], $m['ts'], json_encode($fields));
    }
}
echo preg_replace_callback('/\d+ms/', fn($m) => ((int) $m[0] / 1000) . 's', $log) === $log ? "same\n" : "changed\n";
echo preg_replace('/(\w+)@(\w+)\.com/', '$2 at $1', 'mail alice@example.com or bob@test.com'), "\n";
print_r(preg_split('/[\s,;]+/', "a, b;c  d,,e", -1, PREG_SPLIT_NO_EMPTY));
print_r(preg_split('/(-)/', 'a-b-c', -1, PREG_SPLIT_DELIM_CAPTURE | PREG_SPLIT_OFFSET_CAPTURE)[2]);
echo preg_quote('Hello.world?(x)[y]{z}^$|/#', '/'), "\n";
var_dump(preg_match('/\d{3}-\d{4}/', 'call 555-1234 now', $m, PREG_OFFSET_CAPTURE), $m);
print_r(preg_grep('/^\d+$/', ['1', 'a', '22', '3b'], PREG_GREP_INVERT));
var_dump(@preg_match('/(unclosed/', 'x'), preg_last_error(), preg_last_error_msg());
echo preg_replace('/\s+/', ' ', "  many   spaces\t\tand\ttabs \n"), "|\n";
echo preg_match_all('/\b[aeiou]\w*/i', 'An apple is on the Oak table', $w), ' ', implode(',', $w[0]), "\n";
