begin
  puts `echo pwned`
rescue Exception => e
  puts "refused: #{e.class}"
end
begin
  system("echo pwned")
  puts "system ran"
rescue Exception => e
  puts "refused: #{e.class}"
end
puts "after"
