# A command with OptionParser: flags, typed values, lists, defaults, help text, errors.
require 'optparse'

options = { count: 1, tags: [], level: :info, dry_run: false }
parser = OptionParser.new do |opts|
  opts.banner = 'Usage: report [options] FILE...'
  opts.separator ''
  opts.separator 'Options:'
  opts.on('-c', '--count N', Integer, 'How many times (default 1)') { |v| options[:count] = v }
  opts.on('-t', '--tags LIST', Array, 'Comma-separated tags') { |v| options[:tags].concat(v) }
  opts.on('-l', '--level LEVEL', %i[debug info warn], 'Log level (debug, info, warn)') { |v| options[:level] = v }
  opts.on('-n', '--[no-]dry-run', 'Do nothing') { |v| options[:dry_run] = v }
  opts.on('-r', '--ratio R', Float, 'A ratio') { |v| options[:ratio] = v }
  opts.on('-h', '--help', 'Show this help') do
    puts opts
    options[:help] = true
  end
end

rest = parser.parse(ARGV)
p options, rest
parser.parse(%w[--help])

[%w[--count x], %w[--level loud], %w[--bogus], %w[--count]].each do |argv|
  parser.parse(argv)
rescue OptionParser::ParseError => e
  puts "#{e.class}: #{e.message}"
end
remaining = parser.parse(%w[-c3 -tz,y file1 -- -x])
p options[:count], options[:tags], remaining, parser.summarize.to_a.size
