first = gets
second = STDIN.gets(chomp: true)
rest = $stdin.readlines
p [first, second, rest, gets, ARGV, ENV.to_h, $0]
