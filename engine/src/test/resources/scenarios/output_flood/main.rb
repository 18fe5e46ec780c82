chunk = "0123456789" * 1000
200.times { $stdout.write(chunk) }
