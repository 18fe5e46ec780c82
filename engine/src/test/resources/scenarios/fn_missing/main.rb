def run(input)
  input
end
