def execute(input)
  Object.new
end
