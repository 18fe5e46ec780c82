<?php
// Digests, HMACs and encodings used for signatures, cache keys and tokens.
$body = '{"event":"paid","amount":1999,"currency":"EUR","customer":"Zoë"}';
echo md5($body), "\n", sha1($body), "\n", hash('sha256', $body), "\n";
echo hash('sha512', ''), "\n", hash('sha3-256', 'abc'), "\n", hash('crc32b', 'hello'), " ", crc32('hello'), "\n";
echo hash('xxh64', 'hello'), " ", hash('xxh3', 'hello'), " ", hash('murmur3a', 'hello'), " ", hash('fnv1a32', 'hello'), "\n";
echo hash_hmac('sha256', $body, 'whsec_test_secret'), "\n";
$sig = base64_encode(hash_hmac('sha1', 'GET&/path&a=1', 'key', true));
echo $sig, " ", hash_equals($sig, base64_encode(hash_hmac('sha1', 'GET&/path&a=1', 'key', true))) ? 'valid' : 'invalid', "\n";
echo base64_encode("\x00\xff binary ☃"), " ", base64_decode('aGVsbG8gd29ybGQ='), " ", var_export(base64_decode('@@@', true), true), "\n";
$b64url = rtrim(strtr(base64_encode(hash('sha256', 'jwt', true)), '+/', '-_'), '=');
echo $b64url, "\n";
echo bin2hex(pack('NnC', 0xDEADBEEF, 513, 7)), " ", json_encode(unpack('Nbig/nshort/Cbyte', pack('NnC', 1, 2, 3))), "\n";
echo hash_pbkdf2('sha256', 'password', 'salt', 1000, 32), "\n";
$ctx = hash_init('sha256');
hash_update($ctx, 'part one, ');
hash_update($ctx, 'part two');
echo hash_final($ctx) === hash('sha256', 'part one, part two') ? "incremental ok\n" : "incremental differs\n";
echo md5_file('php://memory') === false ? '' : '', strlen(random_bytes(16)), " ", strlen(bin2hex(random_bytes(8))), "\n";
echo quoted_printable_encode("café = 1"), " ", convert_uuencode("hi"), bin2hex(str_rot13('Hello')), " ", str_rot13('Hello'), "\n";
echo sprintf('%u', crc32('The quick brown fox')), " ", hash('adler32', 'abc'), " ", hash('md4', ''), "\n";
echo json_encode(array_slice(array_values(array_intersect(['md5', 'sha1', 'sha256', 'sha512', 'crc32b'], hash_algos())), 0, 5)), "\n";
$data = ['id' => 7, 'tags' => ['a', 'b']];
echo md5(serialize($data)), " ", sha1(json_encode($data)), "\n";
echo password_verify('secret', '$2y$04$wX3QX.AVgSUKGyLQ.I2O4udQb1bDhtbmpIOs.ecKobBPTWzVaTEzO') ? 'verified' : 'mismatch', "\n";
echo crypt('secret', '$6$rounds=5000$saltsalt$'), "\n";
