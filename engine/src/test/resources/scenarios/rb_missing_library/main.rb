%w[date zlib no_such_library].each do |lib|
  begin
    require lib
    puts "#{lib}: loaded"
  rescue LoadError => e
    puts "#{lib}: #{e.message}"
  end
end
begin
  load "/etc/passwd"
rescue LoadError => e
  puts "load: #{e.class}"
end
