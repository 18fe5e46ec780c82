# Integers of any size: factorials, powers, digit manipulations, conversions and parsing.
fact = (1..50).reduce(:*)
p fact, fact.digits.sum, fact.to_s.size, fact.to_s.count('0'), fact.bit_length, fact % 1_000_007, fact.class
p 2**256, (2**256).to_s(16), (2**256 - 1).to_s(2).count('1'), 10**30 / 7, -(10**30) / 7, (10**30).divmod(-7), 3**100 % 10**12
p Integer.sqrt(10**40), Math.sqrt(10**20), (10**20).fdiv(3), 12_345_678_901_234_567_890 * 98_765_432_109_876_543_210
p (2**100).to_f, (2**1000).to_f.infinite?, (2**64).coerce(1), 2**64 == 2.0**64, (2**64).hash == (2**64).hash, 1 << 100 >> 99
p 'a' * 0, 123_456_789.to_s.reverse.to_i, 987.digits, 255.to_s(16).rjust(4, '0'), '7fffffffffffffff'.to_i(16) + 1, -2**63
collatz = ->(n) { n.even? ? n / 2 : 3 * n + 1 }
p (1..30).max_by { |n| (c = 0; x = n; (x = collatz.(x); c += 1) until x == 1; c) }
p (1..20).map { |n| n.to_s(2).count('1') }.tally.sort.to_h, 1_000_000.to_s.gsub(/(\d)(?=(\d{3})+$)/, '\1,'), 42.pred.succ
p [10**18, 10**19, -10**19].map { |n| [n.class, n.size >= 8] }, 6.0221e23.to_i, 1e25.to_i, (0.1 * 3).rationalize(Rational(1, 100))
p 100.clamp(1, 50), -5.clamp(0..), 17.0 / 0 rescue p $!.class
p 7.lcm(3), 0.gcd(0), (2**70).gcd(2**35 * 3), 1234.ceil(-2), 1234.floor(-2), 1250.round(-2), 1350.round(-2), 1250.round(-2, half: :even), -1250.round(-2)
