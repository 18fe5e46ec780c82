puts "started"
loop do
  begin
    loop {}
  rescue Exception
  ensure
    nil
  end
end
