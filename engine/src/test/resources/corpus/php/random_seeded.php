<?php
// Seeded randomness is reproducible: mt_rand, shuffle and the Random extension with a fixed seed.
mt_srand(42);
echo mt_rand(), " ", mt_rand(1, 100), " ", mt_rand(1, 6), "\n";
$deck = range(1, 10);
shuffle($deck);
echo implode(',', $deck), "\n";
echo implode(',', (array) array_rand(array_flip(range('a', 'j')), 3)), " ", str_shuffle('abcdef'), "\n";
srand(7);
echo rand(), " ", rand(1, 10), "\n";
$r = new Random\Randomizer(new Random\Engine\Mt19937(1234));
echo $r->getInt(1, 1000), " ", implode(',', $r->shuffleArray([1, 2, 3, 4, 5])), " ", $r->shuffleBytes('abcdef'), "\n";
$x = new Random\Randomizer(new Random\Engine\Xoshiro256StarStar(99));
echo $x->getInt(0, 99), " ", bin2hex($x->getBytes(4)), " ", implode(',', $x->pickArrayKeys(['a' => 1, 'b' => 2, 'c' => 3, 'd' => 4], 2)), "\n";
$p = new Random\Randomizer(new Random\Engine\PcgOneseq128XslRr64(5));
echo $p->nextInt(), "\n";
echo strlen(random_bytes(32)), " ", random_int(5, 5), "\n";
