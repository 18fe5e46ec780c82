<?php
// Sorting and reshaping records.
$people = [
    ['name' => 'Zoë', 'age' => 31, 'team' => 'b'],
    ['name' => 'adam', 'age' => 25, 'team' => 'a'],
    ['name' => 'Bob', 'age' => 31, 'team' => 'a'],
    ['name' => 'carol', 'age' => 19, 'team' => 'c'],
    ['name' => 'Dave', 'age' => 25, 'team' => 'b'],
];
usort($people, fn($a, $b) => [$b['age'], $a['name']] <=> [$a['age'], $b['name']]);
echo implode(', ', array_map(fn($p) => "{$p['name']}({$p['age']})", $people)), "\n";
$byAge = $people;
usort($byAge, fn($a, $b) => $a['age'] <=> $b['age']); // stable since PHP 8.0
echo implode(' ', array_column($byAge, 'name')), "\n";
print_r(array_column($people, 'age', 'name'));
$groups = [];
foreach ($people as $p) {
    $groups[$p['team']][] = $p['name'];
}
ksort($groups);
echo json_encode($groups), "\n";
$names = array_column($people, 'name');
sort($names);
echo implode(',', $names), " | ";
sort($names, SORT_FLAG_CASE | SORT_STRING);
echo implode(',', $names), " | ";
rsort($names);
echo implode(',', $names), "\n";
$files = ['img12.png', 'img10.png', 'IMG2.png', 'img1.png'];
natsort($files);
echo implode(',', $files), " | ";
natcasesort($files);
echo implode(',', $files), "\n";
$mixed = [10, '9', 'abc', 1.5, true, null, '10'];
sort($mixed);
var_dump($mixed);
$a = ['x' => 3, 'y' => 1, 'z' => 2];
arsort($a);
echo json_encode($a), " ";
uksort($a, fn($p, $q) => strcmp($q, $p));
echo json_encode($a), "\n";
$data = [3, 1, 2];
$other = ['c', 'a', 'b'];
array_multisort($data, $other);
echo implode('', $data), implode('', $other), "\n";
echo json_encode(array_chunk([1, 2, 3, 4, 5], 2, true)), " ", json_encode(array_slice(['a' => 1, 5 => 2, 3], 1, 2, true)), "\n";
echo json_encode(array_filter([1, 0, 2, null, 3, '', 'a'])), " ", json_encode(array_values(array_unique([3, '3', 1, 'a', 'A']))), "\n";
echo json_encode(array_count_values(['a', 'b', 'a', 1, '1'])), " ", json_encode(array_fill_keys(['a', 'b'], 0)), "\n";
echo json_encode(array_merge(['a' => 1, 2], ['a' => 3, 4])), " ", json_encode(['a' => 1, 2] + ['a' => 3, 4, 5]), "\n";
echo json_encode(array_diff_key(['a' => 1, 'b' => 2, 'c' => 3], ['b' => 0])), " ", json_encode(array_intersect([1, 2, 3, 4], [2, 4, 6])), "\n";
echo json_encode(array_flip(['a', 'b'])), " ", json_encode(range('a', 'e', 2)), " ", json_encode(range(10, 0, -3)), "\n";
echo json_encode(array_search('2', [1, 2, 3])), " ", json_encode(in_array('2', [1, 2, 3], true)), " ", array_key_last([1, 2, 3]), "\n";
$matrix = [[1, 2, 3], [4, 5, 6]];
echo json_encode(array_map(null, ...$matrix)), "\n";
array_walk_recursive($matrix, function (&$v) { $v *= 10; });
echo json_encode($matrix), " ", json_encode(array_is_list([1, 2])), json_encode(array_is_list([1 => 1])), "\n";
