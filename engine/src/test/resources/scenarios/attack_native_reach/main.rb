# What native access reaches, bypassing the prelude's File and ENV (IO.sysopen and IO.new are
# TruffleRuby's own). In-process Ruby has none: every attempt is refused. In a worker process it
# reaches only the worker's own sandbox, which the "sandbox" lines describe.
def attempt(what)
  puts "sandbox #{what}: #{yield}"
rescue Exception => e
  puts "refused #{what}: #{e.class}"
end

read = ->(path) { IO.new(IO.sysopen(path)).read }
attempt('environment') { read.call('/proc/self/environ').split("\0").map { |kv| kv.split('=', 2)[0] }.sort.join(' ') }
attempt('host file') do
  read.call('/etc/passwd')
  'read /etc/passwd'
rescue Errno::ENOENT
  'no /etc/passwd'
end
attempt('pid 1') { File.basename(read.call('/proc/1/cmdline').split("\0").first) }
attempt('ruby home') do
  IO.sysopen("#{Truffle::Boot.ruby_home}/corral-probe", File::WRONLY | File::CREAT)
  'writable'
rescue Errno::EROFS, Errno::EACCES
  'read-only'
end
puts 'after'
