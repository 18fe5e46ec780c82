# Core Time in UTC (no 'time' library): epochs, arithmetic, strftime, comparisons.
t = Time.at(1_700_000_000).utc
p t, t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.zone, t.utc?, t.to_i, t.utc_offset
puts t.strftime('%Y-%m-%d %H:%M:%S %Z'), t.strftime('%a %b %e %-d %j %U %I:%M %p %%'), t.strftime('%FT%T%z'), t.strftime('%s %L %N %A %B %y %C')
later = t + (3 * 86_400) + 3600.5
p later, later - t, (later - t).class, later > t, [later, t].min == t, later.usec, (t - 86_400).strftime('%F')
g = Time.gm(2024, 2, 29, 23, 59, 59)
p g, g + 1, (g + 1).month, Time.gm(2023, 12, 31).yday, Time.gm(2024, 12, 31).yday, Time.utc(2000, 'jan', 1, 12).to_i
p Time.at(0).utc.to_a, Time.at(1.5).utc.to_f, Time.at(1_700_000_000, 123_456, :usec).utc.strftime('%6N'), Time.at(-86_400).utc.year
d = Time.gm(2024, 3, 10)
week = (0..6).map { |i| (d + i * 86_400).strftime('%a %d') }
p week, (Time.gm(2024, 3, 1) - Time.gm(2024, 2, 1)) / 86_400, Time.gm(2024, 1, 1).monday?, Time.gm(2024, 1, 1).sunday?
p t.round(0) == t, t <=> later, t.eql?(Time.at(1_700_000_000).utc), t.hash == Time.at(1_700_000_000).utc.hash, Time.gm(2024).month
p [Time.gm(2024, 5, 1), Time.gm(2023, 1, 1), Time.gm(2024, 1, 1)].sort.map { |x| x.strftime('%Y-%m') }, t.to_s, t.inspect
