# Array and Enumerable operations tool code chains together.
scores = [['ana', 91], ['bo', 78], ['cy', 91], ['di', 64], ['ed', 78], ['fa', 99], ['gu', 55]]
p scores.sort_by { |name, s| [-s, name] }.map(&:first)
p scores.group_by { |_, s| s / 10 * 10 }.transform_values { |v| v.map(&:first) }.sort.to_h
p scores.partition { |_, s| s >= 70 }.map(&:size), scores.minmax_by(&:last), scores.sum(&:last), scores.map(&:last).tally.max_by(&:last)
p (1..10).each_slice(3).to_a, (1..5).each_cons(2).map { |a, b| b - a }, [1, 2, 4, 9, 10, 11, 12, 15].chunk_while { |a, b| b == a + 1 }.to_a
p [1, 2, 4, 9, 10].slice_when { |a, b| b > a + 1 }.map(&:size), %w[a b c].each_with_index.map { |x, i| "#{i}:#{x}" }, %w[a b].cycle.first(5)
p [3, 1, 2].zip([:c, :a, :b], %w[z x y]), [[1, :a], [2, :b]].transpose, [1, [2, [3, [4]]]].flatten(1), [1, nil, 2, nil].compact
p [1, 2, 3].product([4, 5]).size, [1, 2, 3].combination(2).to_a, [1, 2, 3].permutation.count, [1, 2, 3, 4].each_with_object([]) { |x, acc| acc.unshift(x) }
p (1..20).select(&:even?).reject { |x| x % 3 == 0 }.map { |x| x * x }.take_while { |x| x < 200 }, (1..Float::INFINITY).lazy.map { |x| x * 2 }.select { |x| x % 3 == 0 }.first(4)
p [5, 3, 8, 1].sort { |a, b| b <=> a }, [5, 3, 8, 1].max(2), [5, 3, 8, 1].min_by { |x| (x - 4).abs }, %w[pear fig apple].sort_by(&:size), %w[b a c].sort!.reverse
p [1, 2, 3, 4].inject(:+), [1, 2, 3, 4].reduce(10) { |acc, x| acc * x }, [1, 2, 3].sum { |x| x / 2.0 }, [0.1] * 3 == [0.1, 0.1, 0.1], [0.1, 0.2, 0.3].sum
p %w[apple banana cherry].each_with_index.to_h, %w[a b c d].each_slice(2).to_h, [[:x, 1], [:y, 2]].to_h { |k, v| [v, k] }, %w[x y].zip([1, 2]).to_h
p [1, 2, 2, 3, 3, 3].uniq, %w[Ab aB ab].uniq(&:downcase), [3, 1, 2].rotate, [1, 2, 3, 4, 5].values_at(0, 2, 10), [1, 2, 3, 4].find_index(3), [4, 5, 6].index { |x| x > 4 }
p (1..10).step(3).to_a, 1.step(10, 4).to_a, 10.downto(7).to_a, 3.times.map { |i| i * i }, Array.new(3) { |i| i.to_s * 2 }, [1, 2] * 2, [1, 2] * ','
p [[2, 'b'], [1, 'z'], [2, 'a']].sort, [1, 2, 3, 4, 5, 6].filter_map { |x| x * 2 if x.odd? }, [1, 2, 3].flat_map { |x| [x] * x }, (1..4).each_entry.to_a
p [1, 2, 3].all?(Integer), [nil, false].none?, [1, 'a'].any?(String), [1, 2, 3].one?(2), [].sum, [].max, [1, 2, 3, 4].sum / [1, 2, 3, 4].size.to_f
a = [1, 2, 3]
a.push(4).unshift(0)
a.delete_at(1)
a.insert(2, :x)
p a, a.pop, a.shift, a, a.first(2), a.last, a.dig(0), [[1, [2, 3]]].dig(0, 1, 0), a.frozen?, a.sample.nil?, a.shuffle(random: Random.new(1)).size
p (1..3).zip(4..6), [1, 2, 3].each_entry.with_index(1).map { |x, i| x * i }, %w[a b c].each.with_object({}).each { |x, h| h[x] = x.upcase }
p [1, 2, 3].bsearch { |x| x >= 2 }, (1..100).bsearch { |x| x * x >= 50 }, [1, 2, 3, 4].sum.fdiv(4), [4, 2, 9].sort.reverse!, [1, 2] <=> [1, 3], ([1, 2] & [2, 3]) | [5]
