puts 'before'
raise 'A' * (5 * 1024 * 1024)
