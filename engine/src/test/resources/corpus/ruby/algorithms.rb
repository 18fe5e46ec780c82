# Small algorithms tool code carries: memoization, search, graphs, sorting with ties.
fib = Hash.new { |h, n| h[n] = n < 2 ? n : h[n - 1] + h[n - 2] }
p fib[90], (1..10).map { |n| fib[n] }

def quicksort(list)
  return list if list.size <= 1

  pivot, *rest = list
  left, right = rest.partition { |x| x < pivot }
  quicksort(left) + [pivot] + quicksort(right)
end
p quicksort([5, 3, 9, 1, 5, 8, 2, 7]), [4, 1, 3].sort.bsearch { |x| x >= 3 }

graph = { 'a' => { 'b' => 4, 'c' => 1 }, 'b' => { 'd' => 1 }, 'c' => { 'b' => 2, 'd' => 5 }, 'd' => {} }
def dijkstra(graph, source)
  dist = Hash.new(Float::INFINITY)
  dist[source] = 0
  queue = [source]
  until queue.empty?
    node = queue.min_by { |n| dist[n] }
    queue.delete(node)
    graph[node].each do |nxt, w|
      next unless dist[node] + w < dist[nxt]

      dist[nxt] = dist[node] + w
      queue << nxt
    end
  end
  dist
end
p dijkstra(graph, 'a').sort.to_h

def topo(deps)
  order = []
  visiting = {}
  visit = lambda do |n|
    raise ArgumentError, "cycle at #{n}" if visiting[n] == :active
    return if visiting[n] == :done

    visiting[n] = :active
    deps.fetch(n, []).each { |d| visit.call(d) }
    visiting[n] = :done
    order << n
  end
  deps.keys.sort.each { |n| visit.call(n) }
  order
end
p topo('app' => %w[lib util], 'lib' => %w[util], 'util' => [], 'test' => %w[app])
p((topo('x' => ['y'], 'y' => ['x']) rescue $!.message))

words = %w[kitten sitting mitten fitting bitten]
def levenshtein(a, b)
  prev = (0..b.size).to_a
  a.each_char.with_index(1) do |ca, i|
    cur = [i]
    b.each_char.with_index(1) { |cb, j| cur << [prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca == cb ? 0 : 1)].min }
    prev = cur
  end
  prev.last
end
p words.map { |w| [w, levenshtein('kitten', w)] }.sort_by { |w, d| [d, w] }
people = [%w[ann 30], %w[bob 25], %w[cat 30], %w[dan 25], %w[eve 35]].map { |n, a| { name: n, age: a.to_i } }
p people.sort_by { |h| [-h[:age], h[:name]] }.map { |h| h[:name] }, people.group_by { |h| h[:age] }.transform_values(&:size).sort.to_h
p people.each_with_index.sort_by { |h, i| [h[:age], i] }.map { |h, _| h[:name] }, people.max_by(2) { |h| h[:age] }.map { |h| h[:name] }
primes = (2..60).each_with_object([]) { |n, acc| acc << n if acc.none? { |p| (n % p).zero? } }
p primes, primes.each_cons(2).map { |a, b| b - a }.tally.sort.to_h, (1..6).reduce(:lcm), 2**64 % 97, 97.pow(123, 1009)
matrix = [[1, 2, 3], [4, 5, 6]]
p matrix.transpose, matrix.map(&:sum), matrix.flatten.each_slice(2).to_a, matrix.transpose.map { |col| col.reduce(:*) }
p (1..4).flat_map { |i| (i..4).map { |j| [i, j] } }.count { |i, j| (i + j).even? }, 10.downto(1).each_slice(3).map(&:sum)
