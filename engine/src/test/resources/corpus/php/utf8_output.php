<?php
// Bytes out: every byte PHP writes reaches stdout, valid UTF-8 or not.
echo "caf\u{e9} \u{1F600} Ελληνικά 日本語\n";
echo "split: \xc3", "\xa9\n";
echo "latin-1 byte: caf\xe9 and a lone \xff\n";
fwrite(STDOUT, str_repeat("ü", 3000) . "\n");
fwrite(STDERR, "st\u{f6}rung\n");
print("print: \u{2603}\n");
printf("%s|%5s|\n", "é", "é");
echo strlen("é"), " ", bin2hex("\u{1F600}"), "\n";
