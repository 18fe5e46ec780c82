begin
  require 'socket'
  TCPSocket.new('127.0.0.1', 22)
  puts 'reached'
rescue Exception => e
  puts "refused #{e.class}"
end
puts 'after'
