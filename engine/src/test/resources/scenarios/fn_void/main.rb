def execute(input)
  raise 'expected nil input' unless input.nil?
  nil
end
