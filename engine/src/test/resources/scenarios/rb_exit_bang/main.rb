at_exit { puts "at_exit must not run" }
puts "before"
begin
  exit!(4)
rescue Exception
  puts "rescued"
end
puts "after"
