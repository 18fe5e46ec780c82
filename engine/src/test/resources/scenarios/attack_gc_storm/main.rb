30.times { GC.start; ObjectSpace.garbage_collect }
puts 'after'
