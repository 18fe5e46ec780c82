begin
  Polyglot::InnerContext.new { |c| c.eval('ruby', 'Truffle::System.get_java_properties') }
  puts 'reached'
rescue Exception => e
  puts "refused #{e.class}"
end
puts 'after'
