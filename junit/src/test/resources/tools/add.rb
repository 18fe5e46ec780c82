def execute(input)
  { 'sum' => input['a'] + input['b'] }
end
