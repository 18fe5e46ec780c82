# An average over an empty list, uncaught: ZeroDivisionError from inside nested calls.
def average(values) = values.sum / values.size

def report(groups)
  groups.each do |name, values|
    puts "#{name}: #{average(values)}"
  end
end

report('a' => [1, 2, 3], 'b' => [10], 'c' => [], 'd' => [4])
