puts $stdin.read.reverse
