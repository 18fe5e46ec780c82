<?php
// Reads a CSV of orders from stdin, totals them per region and writes a CSV report to php://output.
$lines = preg_split('/\R/', trim(stream_get_contents(STDIN)));
$header = str_getcsv(array_shift($lines), ',', '"', '\\');
$totals = [];
$count = [];
foreach ($lines as $line) {
    $row = array_combine($header, str_getcsv($line, ',', '"', '\\'));
    $region = $row['region'];
    $totals[$region] = ($totals[$region] ?? 0) + (float) $row['amount'] * (int) $row['qty'];
    $count[$region] = ($count[$region] ?? 0) + 1;
}
ksort($totals);
$out = fopen('php://output', 'w');
fputcsv($out, ['region', 'orders', 'total', 'note'], ',', '"', '\\');
foreach ($totals as $region => $total) {
    fputcsv($out, [$region, $count[$region], number_format($total, 2, '.', ''),
        $total > 100 ? 'big, "important"' : 'small'], ',', '"', '\\');
}
fputcsv($out, ['tab', "a\tb", 'semi;colon', "multi\nline"], ';', "'", '\\');
fclose($out);
echo "rows: ", count($lines), "\n";
