n = ARGV[0].to_i
puts n * n
