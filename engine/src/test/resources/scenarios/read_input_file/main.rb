puts File.read('/mnt/req/d/x.txt')
begin
  File.write('/mnt/req/d/x.txt', 'changed')
  puts 'wrote'
rescue SystemCallError => e
  puts "read-only: #{e.class.name.split('::').last}"
end
begin
  File.read('/etc/passwd')
  puts 'host file read'
rescue SystemCallError => e
  puts "no host file: #{e.class.name.split('::').last}"
end
