# Ruby's JSON turns any object into its to_s; a float it cannot write is refused
def execute(input)
  { 'ratio' => Float::NAN }
end
