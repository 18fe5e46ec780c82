$stderr.puts "to stderr"
puts "to stdout"
