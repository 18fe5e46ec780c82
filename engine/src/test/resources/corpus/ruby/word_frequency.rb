# Word frequencies of the text on stdin, as a report table.
text = $stdin.read
words = text.downcase.scan(/[\p{L}']+/).reject { |w| w.length < 2 }
counts = words.tally
top = counts.sort_by { |word, n| [-n, word] }.first(8)
width = top.map { |word, _| word.length }.max

puts "words: #{words.size}, distinct: #{counts.size}"
puts '-' * (width + 10)
top.each_with_index do |(word, n), i|
  puts format('%2d. %-*s %4d %s', i + 1, width, word, n, '#' * n)
end
puts '-' * (width + 10)
longest = words.max_by { |w| [w.length, w] }
puts "longest: #{longest} (#{longest.length} chars, #{longest.bytesize} bytes)"
puts "lines: #{text.lines.count}, blank: #{text.lines.count { |l| l.strip.empty? }}"
puts "first letters: #{words.map { |w| w[0] }.uniq.sort.join}"
puts "average length: #{(words.sum(&:length).to_f / words.size).round(3)}"
