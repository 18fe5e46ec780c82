200.times { Truffle::Debug.log_warning("forged\nSEVERE: corral-forged-line") }
Signal.trap('USR2') {} # TruffleRuby logs a warning for every trap when embedded
begin
  Truffle::Debug.throw_java_exception('corral-forged-line')
  puts 'reached'
rescue Exception => e
  puts "refused #{e.class}"
end
warn "corral-forged-line on the guest's own stderr is fine"
puts 'after'
