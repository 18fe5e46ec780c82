# Calendar arithmetic with the standard library's Date (a C extension in CRuby and TruffleRuby).
require 'date'

d = Date.new(2024, 2, 28)
puts d + 1, d + 2, d >> 1, d.leap?, d.cwday, d.strftime('%A %-d %B %Y'), (Date.new(2024, 12, 25) - d).to_i
puts Date.parse('2024-03-10').next_month.iso8601, Date.valid_date?(2023, 2, 29), (d...d + 3).map(&:day).inspect
