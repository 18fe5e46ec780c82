begin
  Thread.new { puts 'thread' }.join
  puts 'reached'
rescue Exception => e
  puts "refused #{e.class}"
end
puts 'after'
