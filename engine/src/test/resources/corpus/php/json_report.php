<?php
$data = json_decode(stream_get_contents(STDIN), true);
$total = array_sum(array_map(fn($i) => $i['price'] * $i['qty'], $data['items']));
echo json_encode(['customer' => $data['customer'], 'total' => round($total, 2), 'count' => count($data['items'])], JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE), "\n";
printf("%8s|%10.3f|\n", 'café', $total);
