# exit codes from nested code, at_exit order, ensure blocks, abort's message.
at_exit { puts 'first registered, runs last' }
at_exit do
  puts "exit status seen by at_exit: #{$!.inspect}"
end
def work(n)
  puts "working #{n}"
  abort("fatal: cannot continue with #{n}") if n == 3
ensure
  puts "cleanup #{n}"
end
begin
  (1..5).each { |n| work(n) }
rescue SystemExit => e
  puts "SystemExit caught: status=#{e.status} success=#{e.success?}"
  $stdout.flush
  exit e.status + 1
end
