<?php
// Scratch files in the temporary folder: write, append, read back by lines and as CSV, list, delete.
$dir = sys_get_temp_dir() . '/corpus-' . bin2hex(random_bytes(4));
mkdir($dir);
$file = "$dir/data.csv";
file_put_contents($file, "id,name\n");
file_put_contents($file, "1,Zoë\n2,\"Smith, J\"\n", FILE_APPEND);
$h = fopen($file, 'a');
fputcsv($h, [3, 'line "three"'], ',', '"', '\\');
fclose($h);
echo filesize($file), " bytes, ", count(file($file)), " lines\n";
foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $i => $line) {
    echo "$i: $line\n";
}
$h = fopen($file, 'r');
fgetcsv($h, null, ',', '"', '\\');
while (($row = fgetcsv($h, null, ',', '"', '\\')) !== false) {
    echo json_encode($row, JSON_UNESCAPED_UNICODE), "\n";
}
fclose($h);
file_put_contents("$dir/b.txt", 'b');
file_put_contents("$dir/a.json", json_encode(['ok' => true]));
$names = scandir($dir);
echo implode(',', $names), "\n";
echo implode(',', array_map('basename', glob("$dir/*.json"))), " ", json_decode(file_get_contents("$dir/a.json"))->ok ? 'json ok' : '', "\n";
var_dump(is_file($file), is_dir($dir), file_exists("$dir/nope"), pathinfo($file, PATHINFO_EXTENSION), basename($file, '.csv'));
rename("$dir/b.txt", "$dir/c.txt");
copy("$dir/c.txt", "$dir/d.txt");
echo file_get_contents("$dir/d.txt"), " ", implode(',', array_diff(scandir($dir), ['.', '..'])), "\n";
$tmp = tmpfile();
fwrite($tmp, "line1\nline2\n");
rewind($tmp);
echo fgets($tmp), stream_get_contents($tmp), ftell($tmp), "\n";
fclose($tmp);
$mem = fopen('php://memory', 'w+');
fwrite($mem, 'in memory');
rewind($mem);
echo fread($mem, 2), "|", stream_get_contents($mem), "\n";
$t = tempnam($dir, 'pre');
echo str_starts_with(basename($t), 'pre') ? 'tempnam ok' : 'tempnam odd', "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
var_dump(file_exists($dir));
