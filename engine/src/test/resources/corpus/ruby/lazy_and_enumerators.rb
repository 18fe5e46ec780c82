# Lazy pipelines and external enumerators: next, peek, rewind, generators, zip with ranges.
primes = Enumerator.new do |y|
  n = 2
  loop do
    y << n if (2..Integer.sqrt(n)).none? { |d| (n % d).zero? }
    n += 1
  end
end
p primes.take(10), primes.lazy.select(&:odd?).map { |x| x * x }.first(3), primes.each_slice(2).first(2)
p primes.next, primes.next, primes.peek, primes.next
primes.rewind
p primes.next

fib = Enumerator.produce([0, 1]) { |a, b| [b, a + b] }.lazy.map(&:first)
p fib.first(12), fib.select(&:even?).first(4), fib.take_while { |x| x < 50 }.to_a

letters = %w[a b c].each
numbers = (1..).each
pairs = []
loop { pairs << [letters.next, numbers.next] }
p pairs, numbers.next, letters.size

e = [10, 20, 30].each_with_index
p e.next, e.next, (e.next rescue 'x'), (begin; e.next; rescue StopIteration => s; "stop: #{s.result.inspect}"; end)
p [1, 2, 3].zip(4..6, 'a'..'c'), %w[x y z].each.with_index(1).to_a, %w[x y z].map.with_index { |v, i| v * (i + 1) }
p (1..3).each_entry.to_a, [4, 5].each.next, 'abc'.each_char.next, { a: 1 }.each.next, 3.times.next
gen = Enumerator.new { |y| y.yield 1, 2; y << 3; :finished }
p gen.next, gen.next, (begin; gen.next; rescue StopIteration => s; s.result; end), gen.to_a
chain = [1, 2].each + [3] + (4..5)
p chain.to_a, chain.size, chain.map { |x| x * 2 }
ext = [1, 2, 3].map
p ext.with_index { |x, i| x * i }, ext.size
lines = "a\nb\nc\n".each_line
p lines.next, lines.peek, lines.next.chomp, lines.to_a.size
cycle = %w[r g b].cycle
p Array.new(5) { cycle.next }
lz = (1..Float::INFINITY).lazy
p lz.map { |x| x * 3 }.reject(&:even?).with_index.map { |x, i| "#{i}:#{x}" }.first(3)
p (1..4).each_cons(2).to_a.zip((1..3).each), [[1, 2], [3, 4]].each.next, (1..3).sum { |x| x }, (1..3).each_slice(2).map(&:sum)
