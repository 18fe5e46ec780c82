<?php
// JSON edge cases tool code meets: big numbers, floats, empty objects, depth, flags, errors.
$doc = '{"id": 12345678901234567890, "price": 19.90, "ratio": 1e-7, "empty_obj": {}, "empty_arr": [], "nested": {"a": [1, {"b": null}]}, "unicode": "Zo\u00eb \ud83d\ude00", "slash": "a/b"}';
var_dump(json_decode($doc, true));
var_dump(json_decode($doc, true, 512, JSON_BIGINT_AS_STRING)['id']);
$obj = json_decode($doc);
echo get_class($obj->empty_obj), " ", json_encode($obj->empty_obj), " ", json_encode($obj->nested->a[1]), "\n";
echo json_encode(json_decode($doc)), "\n";
echo json_encode([1 => 'a', 2 => 'b']), json_encode([0 => 'a', 1 => 'b']), json_encode([]), json_encode(new stdClass()), json_encode((object) []), "\n";
echo json_encode(['f' => 10.0, 'g' => 0.1, 'h' => 1e25, 'i' => -0.0, 'j' => 3.0e-5]), " ", json_encode(10.0, JSON_PRESERVE_ZERO_FRACTION), "\n";
echo json_encode("a/b <tag> 'q' \"d\" &"), " ", json_encode("a/b <tag> 'q' &", JSON_UNESCAPED_SLASHES | JSON_HEX_TAG | JSON_HEX_APOS | JSON_HEX_AMP), "\n";
echo json_encode(['list' => [1, 2], 'map' => ['k' => true]], JSON_PRETTY_PRINT), "\n";
echo json_encode([[1, 2], [3]], JSON_FORCE_OBJECT), " ", json_encode('12', JSON_NUMERIC_CHECK), " ", json_encode("\xff", JSON_INVALID_UTF8_SUBSTITUTE), " ", json_encode("\xff", JSON_INVALID_UTF8_IGNORE), "\n";
var_dump(json_encode("\xff"), json_last_error(), json_last_error_msg());
var_dump(json_decode('[1, 2'), json_last_error_msg(), json_decode('{"a":1}', false, 1), json_last_error_msg());
var_dump(json_decode('"just a string"'), json_decode('123'), json_decode('true'), json_decode(''), json_last_error_msg(), json_decode('nul'));
