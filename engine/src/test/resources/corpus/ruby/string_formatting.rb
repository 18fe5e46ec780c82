# Output formatting: format directives, padding, tables, heredocs, number widths.
rows = [['Widget', 4, 3.5], ['Gadget extra long', 12, 0.25], ['Ünïcödé', 1, 1234.5]]
puts format('%-18s|%5s|%10s', 'name', 'qty', 'price')
puts '-' * 35
rows.each { |name, qty, price| puts format('%-18s|%5d|%10.2f', name, qty, price) }
puts format('%-18s|%5d|%10.2f', 'total', rows.sum { _1[1] }, rows.sum { _1[1] * _1[2] })
puts format('%<name>s is %<age>d years (%<ratio>.1f%%)', name: 'Ada', age: 36, ratio: 12.345)
puts format('%{greeting}, %{name}!', greeting: 'Hello', name: 'world'), format('%s and %p', 'str', 'str'), format('%c%c', 72, 'i')
puts '%05d|%-5d|%+5d|% d' % [42, 42, 42, 42], '%x|%#x|%08b|%#o|%X' % [255, 255, 5, 8, 3054], '%e|%.2E|%g|%G' % [12345.678, 0.000123, 0.00001234, 1e20]
puts '%10.3s|' % 'abcdef', '%-10s|' % 'left', '%*d|%-*d|' % [6, 7, 6, 7], '%.0f %.0f %.0f %.0f' % [0.5, 1.5, 2.5, 3.5], '%s' % nil.inspect, '%s' % [[1, 2]]
puts 'Name'.ljust(10, '.') + 'Value'.rjust(8, '.'), 'center'.center(20, '=~'), 3.to_s.rjust(3, '0'), 'x'.ljust(0), 12.5.to_s.rjust(8)
amount = 1234567.891
puts amount.round(2).to_s.reverse.scan(/\d{1,3}/).join(','), amount.to_i.to_s.gsub(/\B(?=(\d{3})+(?!\d))/, ','), amount.floor.digits.each_slice(3).map(&:join).join(',').reverse
name = 'report'
body = <<~TEXT
  Report: #{name.upcase}
    indented line
  Total: #{format('%.2f', amount)}
TEXT
puts body, body.lines.size
raw = <<~'RAW'
  no #{interpolation} here \n
RAW
puts raw, <<-OLD.strip
    old style heredoc
    OLD
puts "tab\tsep", 'single\tquoted', "unicode \u00e9 \u{1F600}".length, "a" "b" 'c', "multi
line"
puts [1, 2, 3].join(', '), [1, [2, [3]]].join('/'), [nil, 1].to_s, :sym.inspect, nil.to_s.empty?, 1.0.to_s, 10.fdiv(3).round(3).to_s
printf("%-6s=%6.2f\n", 'pi', Math::PI)
$stdout.printf("%s\n", 'via $stdout.printf')
$stdout.print 'no newline', "\n"
$stdout.write('written ', 2, "\n")
$stdout << 'shovel ' << 3 << "\n"
puts nil, [], [nil], [[], []]
print 'a', 'b', "\n"
p
p 1, 'two'
pp({ deep: { nested: [1, 2, { x: 'y' * 10 }] } })
