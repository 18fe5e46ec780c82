puts "left over: #{File.exist?('/tmp/scratch.txt') ? 'True' : 'False'}"
File.write('/tmp/scratch.txt', 'scratch')
puts File.read('/tmp/scratch.txt')
