attempts = {
  'overwrite input' => -> { File.write('/mnt/req/in.txt', 'changed') },
  'create at root' => -> { File.write('/etc_x', 'x') },
  'remove input' => -> { File.delete('/mnt/req/in.txt') }
}
attempts.each do |what, attempt|
  attempt.call
  puts "reached #{what}"
rescue StandardError, SecurityError => e
  puts "refused #{what} #{e.class}"
end
puts "input #{File.read('/mnt/req/in.txt')}"
File.write('/tmp/ok.txt', 'ok')
puts "tmp #{File.read('/tmp/ok.txt')}"
puts 'after'
