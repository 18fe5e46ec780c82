require 'net/http'

uri = URI(ARGV[0])
res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') do |http|
  http.request(Net::HTTP::Get.new(uri, 'X-From-Guest' => 'yes'))
end
puts "#{res.code} #{res.is_a?(Net::HTTPSuccess)} #{res.body}"
puts "env: #{ENV.to_h}"
