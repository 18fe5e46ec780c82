# Holds 1 GiB, 16 MiB at a time (eight times the default memory_size), then keeps it.
puts "started"
$stdout.flush
held = []
64.times { held << ("\0" * (16 * 1024 * 1024)) }
puts "held #{held.size}"
$stdout.flush
sleep 600
