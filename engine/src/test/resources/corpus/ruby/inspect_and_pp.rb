# How values print: p, inspect, to_s and pp of nested data.
require 'pp'
data = {
  'users' => [{ 'id' => 1, 'name' => 'Ann', 'roles' => %w[admin dev], 'meta' => { 'since' => 2019, 'score' => 9.5 } },
              { 'id' => 2, 'name' => 'Bob', 'roles' => [], 'meta' => nil }],
  'count' => 2, 'ok' => true, 'ratio' => 2 / 3r, :sym => :value, nil => 'nil key', 1.5 => [1..3, (1...4).step(2).to_a]
}
p data
pp data
pp (1..40).to_a, { long_key_number_one: 'x' * 30, long_key_number_two: 'y' * 30, nested: { deeper: ['z' * 20] * 3 } }
puts data.inspect.length, data.to_s == data.inspect, [1, [2, [3, nil]]].to_s, :sym.to_proc.call('x').inspect
p 'quote"s', "new\nline", "tab\t", "\u00e9", "\e", "\x00", :"odd sym", :a?, :b=, :[], 1..2, (1...), nil..1, 3r, Complex(1, 2), 1e10, 100.0, -0.0, 2**65
S = Struct.new(:a, :b)
class Plain
  def initialize = (@x = 1; @y = 'two')
end
class Custom
  def inspect = '#<Custom nice>'
  def to_s = 'custom!'
end
p S.new(1, [2]), S.new(nil, { k: 'v' }).to_a, Custom.new, [Custom.new], "#{Custom.new}", Plain.new.inspect.sub(/0x\h+/, 'ADDR')
puts Custom.new, [Custom.new].to_s, S.new(1, 2).to_s, :sym, nil.inspect, true & false, [nil, true].inspect
x = p
y = p 1, 2
z = p(3)
p x, y, z, (pp 4), (pp 5, 6)
$stdout.puts [[1, 2], [3]].inspect
print [1, nil], "\n"
