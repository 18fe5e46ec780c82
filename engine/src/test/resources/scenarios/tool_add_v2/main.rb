def execute(input)
  { "n" => input["n"] + 100, "version" => 2 }
end
