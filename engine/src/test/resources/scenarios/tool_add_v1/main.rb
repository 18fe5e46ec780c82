def execute(input)
  { "n" => input["n"] + 1, "version" => 1 }
end
