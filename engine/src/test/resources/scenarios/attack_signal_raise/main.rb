# TruffleRuby raises a signal in its own process when the target is Process.pid, which a guest can redefine
module Process; def self.pid = 4242; end
%i[TERM INT HUP].each do |sig|
  begin
    Process.kill(sig, 4242)
    puts "reached #{sig}"
  rescue Exception => e
    puts "refused #{e.class}"
  end
end
[-> { Process.send(:kill, :TERM, 4242) }, -> { Process.method(:kill).call('SIGTERM', 4242) }].each do |attempt|
  attempt.call
  puts 'reached'
rescue Exception => e
  puts "refused #{e.class}"
end
puts 'after'
