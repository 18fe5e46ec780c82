# Parses access-log lines with regular expressions and reports per status and path.
LINE = /\A(?<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?<user>\S+) \[(?<time>[^\]]+)\] "(?<method>[A-Z]+) (?<path>\S+) HTTP\/(?<version>[\d.]+)" (?<status>\d{3}) (?<bytes>\d+|-)\z/

stats = Hash.new { |h, k| h[k] = { count: 0, bytes: 0 } }
bad = []
$stdin.each_line(chomp: true).with_index(1) do |line, n|
  m = LINE.match(line)
  unless m
    bad << n
    next
  end
  key = [m[:status], m[:path].sub(/\?.*/, '')]
  stats[key][:count] += 1
  stats[key][:bytes] += m[:bytes] == '-' ? 0 : m[:bytes].to_i
end

stats.sort.each do |(status, path), s|
  puts format('%s %-20s %3d %8d', status, path, s[:count], s[:bytes])
end
puts "unparsed lines: #{bad.inspect}"

sample = '10.0.0.1 - alice [10/Oct/2023:13:55:36 +0000] "GET /a?b=1 HTTP/1.1" 200 512'
m = LINE.match(sample)
p m.named_captures.slice('ip', 'user', 'status'), m.pre_match, m.names.size
if sample =~ /\[(\d+)\/(\w+)\/(\d+)/
  p [$1, $2, $3, $~[0], Regexp.last_match(2)]
end
p sample.scan(/\d+/).first(4), sample.gsub(/\d/) { |d| (9 - d.to_i).to_s }[0, 15]
p 'a1b22c333'.gsub(/\d+/, '1' => 'one', '22' => 'two'), 'John Smith'.sub(/(\w+) (\w+)/, '\2, \1')
p 'price: $42.50, tax: $3.40'.scan(/\$(\d+)\.(\d+)/), 'foo.bar(baz)'.split(/[.()]/)
p 'password=secret&user=bob'.gsub(/(?<=password=)[^&]+/, '***'), 'x' =~ /y/, 'CamelCase' =~ /[a-z][A-Z]/
p Regexp.escape('a.b*c?(d)'), Regexp.union('a.b', /c+/, 'd'), 'ÀBC déf'.scan(/\p{Lu}/), 'line1\nline2'.match?(/line2$/)
p "multi\nline\ntext".scan(/^\w/), "multi\nline".match(/multi.line/m)[0], 'AbC'.match?(/abc/i), /(\d+)-(\d+)/.match('10-20').captures.map(&:to_i).sum
re = /(?<year>\d{4})-(?<month>\d\d)/
p '2024-03 and 2023-12'.to_enum(:scan, re).map { Regexp.last_match[:year] }, $~ && $~[:month]
