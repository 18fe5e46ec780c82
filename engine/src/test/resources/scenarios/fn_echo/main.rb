def execute(input)
  input
end
