%i[get_java_properties initial_environment_variables allocated_bytes_of_current_thread].each do |name|
  begin
    Truffle::System.send(name)
    puts "reached #{name}"
  rescue Exception => e
    puts "refused #{e.class}"
  end
end
%w[java.class.path user.home sun.java.command].each do |key|
  begin
    Truffle::System.get_java_property(key)
    puts "reached #{key}"
  rescue Exception => e
    puts "refused #{e.class}"
  end
end
p ENV.to_h, ARGV, $0
puts 'after'
