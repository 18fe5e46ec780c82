# Reading records separated by blank lines (paragraph mode) and fixed-size chunks from stdin.
records = $stdin.each_line('').map { |para| para.lines(chomp: true).reject(&:empty?) }
records.each_with_index do |lines, i|
  key, *rest = lines
  puts "record #{i + 1}: #{key} (#{rest.size} more lines) #{rest.map(&:split).map(&:size).inspect}"
end
p records.size, records.flatten.size, $stdin.read, $stdin.eof?
