begin
  puts Java.type("java.lang.Runtime")
rescue Exception => e
  puts "refused: #{e.class}"
end
begin
  puts Polyglot.eval("js", "1")
rescue Exception => e
  puts "refused: #{e.class}"
end
puts "after"
