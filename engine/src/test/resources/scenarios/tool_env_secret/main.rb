def execute(input)
  token = ENV["TOKEN"]
  puts "token is #{token}"
  $stderr.puts "token again #{token}"
  { "token" => token, "length" => (token || "").length }
end
