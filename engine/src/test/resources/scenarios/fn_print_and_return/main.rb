def execute(input)
  puts "noise"
  input["a"] + input["b"]
end
