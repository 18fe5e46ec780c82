# A command-line tool: flags in ARGV, settings in ENV, records on stdin.
options = { limit: 3, format: 'text', verbose: false }
files = []
args = ARGV.dup
until args.empty?
  arg = args.shift
  case arg
  when '--limit' then options[:limit] = Integer(args.shift)
  when /\A--format=(\w+)\z/ then options[:format] = Regexp.last_match(1)
  when '-v', '--verbose' then options[:verbose] = true
  when '--' then files.concat(args.shift(args.size))
  else files << arg
  end
end
p options, files, ARGV.size, ARGV.frozen?

p ENV['REPORT_TITLE'], ENV.fetch('REPORT_UNIT', 'items'), ENV.key?('MISSING_VAR'), ENV['MISSING_VAR'], ENV.fetch('THRESHOLD').to_f
p ENV.to_h.keys.grep(/\AREPORT_/).sort, ENV.select { |k, _| k.start_with?('REPORT_') }.size
threshold = ENV.fetch('THRESHOLD', '0').to_f

header = $stdin.gets.chomp.split(',')
rows = $stdin.each_line.map { |line| header.zip(line.chomp.split(',')).to_h }
p header, rows.size, $stdin.eof?, $stdin.read, $stdin.gets
selected = rows.select { |r| r['score'].to_f >= threshold }.sort_by { |r| -r['score'].to_f }.first(options[:limit])
puts "#{ENV['REPORT_TITLE']} (#{selected.size} #{ENV.fetch('REPORT_UNIT', 'items')})"
selected.each { |r| puts format('%-8s %6.1f', r['name'], r['score']) }
warn "verbose: #{rows.size} rows read" if options[:verbose]
exit(selected.empty? ? 2 : 0)
