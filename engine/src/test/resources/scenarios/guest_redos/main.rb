puts 'started'
/(a*)*\1b/.match('a' * 40)
puts 'finished'
