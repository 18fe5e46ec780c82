# Reads JSON Lines events from stdin, skips bad lines, aggregates per user and hour.
require 'json'

totals = Hash.new { |h, k| h[k] = { events: 0, amount: 0.0, kinds: Hash.new(0) } }
hours = Hash.new(0)
bad = []
$stdin.each_line.with_index(1) do |line, n|
  next if line.strip.empty?

  event = JSON.parse(line)
  user = event.fetch('user')
  t = totals[user]
  t[:events] += 1
  t[:amount] += event.fetch('amount', 0)
  t[:kinds][event['kind']] += 1
  hours[event['ts'].to_s[11, 2]] += 1
rescue JSON::ParserError, KeyError => e
  bad << [n, e.class.name]
end

report = totals.sort.map do |user, t|
  { 'user' => user, 'events' => t[:events], 'amount' => t[:amount].round(2), 'top_kind' => t[:kinds].max_by { |k, c| [c, k] }&.first }
end
puts JSON.pretty_generate('users' => report, 'by_hour' => hours.sort.to_h, 'bad_lines' => bad)
puts report.map { |r| r.values_at('user', 'amount').join('=') }.join(' ')
puts JSON.generate(report.max_by { |r| r['amount'] })
