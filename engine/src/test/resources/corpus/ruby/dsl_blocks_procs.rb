# Blocks, procs and lambdas as DSLs and callbacks use them.
# frozen_string_literal: true

class Pipeline
  def self.build(&block)
    new.tap { |p| p.instance_eval(&block) }
  end

  def initialize = @steps = []
  def step(name, &fn) = @steps << [name, fn]
  def run(input) = @steps.reduce(input) { |acc, (name, fn)| fn.call(acc).tap { |v| log(name, v) } }
  def log(name, value) = puts("  #{name}: #{value.inspect}")
end

pipeline = Pipeline.build do
  step(:strip, &:strip)
  step(:words) { |s| s.split(/\s+/) }
  step(:lengths) { |ws| ws.map(&:length) }
  step(:total) { |ls| ls.sum }
end
p pipeline.run('  the quick  brown fox ')

add = ->(a, b) { a + b }
inc = add.curry[1]
double = proc { |x| x * 2 }
compose = inc >> double
p add.(2, 3), inc[10], compose.call(4), (double << inc).call(4), add.arity, double.arity, proc { |*a| a }.arity, add.lambda?, double.lambda?
p [1, 2, 3].map(&double), %w[a b].map(&:upcase), [1, 2, 3].each_slice(2).map(&:sum), [[1, 2], [3, 4]].map { |a, b| a * b }
p proc { |a, b| [a, b] }.call([1, 2]), lambda { |a, b = :d| [a, b] }.call(1), proc { |a| a }.call(1, 2), (add.call(1) rescue $!.class)

def yielder
  return :no_block unless block_given?

  [yield(1), yield(2, 3)]
end
p yielder, yielder { |a, b| [a, b] }, yielder { |*all| all.size }
counter = 0
increment = -> { counter += 1 }
3.times(&increment)
p counter, method(:yielder).arity, method(:puts).owner, [1, 2].map(&method(:Integer)) rescue p $!.class
def make_counter
  count = 0
  [-> { count += 1 }, -> { count }]
end
bump, read = make_counter
bump.call
bump.()
p read.call, 5.then { |x| x + 1 }, [3, 1].tap { |a| a.sort! }, :upcase.to_proc.call('x'), method(:make_counter).to_proc.call.size
s = 'literal'
p s.frozen?, (begin; s << '!'; rescue FrozenError => e; e.class; end), String.new('mutable') << '!', "interp #{1}".frozen?, +'plus' << '?'
memo = Hash.new { |h, (a, b)| h[[a, b]] = a * b }
p memo[[3, 4]], memo.size, %w[x y z].each_with_index.map { |c, i| c * (i + 1) }.join, [[1, [2, 3]]].map { |a, (b, c)| a + b + c }
handler = { 'sum' => :+.to_proc, 'max' => ->(a, b) { [a, b].max } }
p handler.transform_values { |f| [4, 9, 2].reduce(&f) }, define_method(:dyn) { |x = 1| x * 10 } && dyn(3)
