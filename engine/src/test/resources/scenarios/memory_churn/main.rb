# Allocates 1.6 GiB (12.5 times the default memory_size) and never holds more than 32 MiB.
b = nil
100.times { b = "\0" * (16 * 1024 * 1024) }
puts "ok"
