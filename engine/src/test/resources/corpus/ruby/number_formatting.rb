# Numbers as reports print them: rounding, separators, bases, money, percentages.
def with_commas(n)
  int, frac = format('%.2f', n).split('.')
  int.reverse.scan(/\d{1,3}/).join(',').reverse.then { |s| n.negative? ? "-#{s}" : s } + ".#{frac}"
end

amounts = [0, 1234.5, -987654.321, 1e6, 12.345, 0.1 + 0.2, 99.995, 1_000_000_007]
amounts.each { |a| puts format('%-22s %20s %14.3e %s', a.inspect, with_commas(a), a, a.to_i.to_s.rjust(12, '0')) }
puts [1.5, 2.5, -2.5, 0.5].map(&:round).inspect, [1.25, 1.35, 2.675].map { |x| x.round(1) }.inspect
puts 2.5.round(half: :even), 2.5.round(half: :down), 1234.5678.floor(2), 1234.5678.ceil(-2), -7.5.truncate, 7.9.to_i
puts 17.divmod(5).inspect, -17.divmod(5).inspect, -17 % 5, -17.remainder(5), 17.fdiv(4), 7 / 2, -7 / 2, 2**-2
puts 255.to_s(2), 255.to_s(16), 'ff'.hex, '0b1010'.to_i(0), '0o17'.oct, Integer('0x1f', 16) rescue puts "Integer error: #{$!.class}"
puts Integer('42'), Float('3.5e2'), '12abc'.to_i, 'abc'.to_f, '1_000'.to_i, ' 42 '.to_i, Integer('0x1f')
puts 10.gcd(4), 10.lcm(4), 2**100, 100.digits.inspect, 12345.digits.sum, Integer.sqrt(99), 3.pow(200, 1000)
puts (1..10).sum, (1..10).reduce(:*), 10.0 / 3, 10 / 3r, 0.1 * 3, 1e20.to_i, 1e-7, 123456789.123456789
puts format('%05.1f%%', 45.678), format('%+d', 5), format('% d', 5), format('%x %o %b %X', 255, 8, 5, 255), format('%.3s', 'abcdef')
puts format('%08.3f', -3.14159), format('%-8d|', 42), format('%e', 0.000123), format('%g %g', 1e-5, 123456789.0), format('%10.4f|', Math::PI)
puts Float::INFINITY, -Float::INFINITY, (0.0 / 0.0).nan?, 1 / 0.0, Float::EPSILON, Float::MAX, Float::MIN, 5e-324
puts 3.14.to_r, 0.75.rationalize, 1.0.to_s, 1e100.to_s, 1.23456789e-10, 100.0.to_i, 3.7 % 1, -3.7.abs, 4.0 == 4, 4.eql?(4.0)
puts 1234567.89.to_s, (1234567.89 * 100).round / 100.0, 0.1 + 0.7, 1.1 * 1.1, 3.0 * 1.1, 100.0 / 3.0
