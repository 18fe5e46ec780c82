# A program that does not parse: nothing runs, exit status 1.
puts 'never printed'
def broken(x
  x +
end
