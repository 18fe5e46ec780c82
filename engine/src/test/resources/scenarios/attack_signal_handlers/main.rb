# each of these would replace the host JVM's own handler if it reached the host
p Signal.trap('TERM') { puts 'guest handler' }
p trap('INT', 'IGNORE')
p Signal.trap('HUP', 'SYSTEM_DEFAULT')
puts 'after'
