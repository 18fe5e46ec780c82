require 'net/http'

begin
  Net::HTTP.get_response(URI(ARGV[0]))
  puts 'reached'
rescue SocketError, SystemCallError, Net::OpenTimeout, Net::ReadTimeout => e
  puts "refused: #{e.class} #{e.message}"
end
puts 'still running'
