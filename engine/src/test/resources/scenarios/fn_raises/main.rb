def execute(input)
  raise ArgumentError, "bad input"
end
