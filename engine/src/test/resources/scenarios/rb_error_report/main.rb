def fail
  raise ArgumentError, "boom"
end

fail
