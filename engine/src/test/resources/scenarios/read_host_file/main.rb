begin
  puts File.read("/etc/passwd")[0, 20]
rescue Exception => e
  puts "refused: #{e.class}"
end
puts "after"
