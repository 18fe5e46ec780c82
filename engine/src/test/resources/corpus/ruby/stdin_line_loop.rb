# The classic filter loop: gets/$_/ARGF over stdin, line numbers, paragraph mode.
count = 0
while (line = gets)
  count += 1
  next if line.start_with?('#')
  break if line.chomp == '__END__'

  print "#{$.}: #{line.chomp.upcase}\n"
end
p count, $stdin.eof?, gets, ARGF.class, $<.equal?(ARGF)
