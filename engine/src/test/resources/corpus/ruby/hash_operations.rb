# Hashes as tool code uses them: counting, grouping, defaults, nesting, merging.
inventory = { 'apples' => 12, 'pears' => 0, 'plums' => 7, 'figs' => 3 }
p inventory.select { |_, n| n.positive? }.keys, inventory.reject { |_, n| n > 5 }, inventory.min_by(&:last), inventory.sum { |_, n| n }
p inventory.sort_by { |k, v| [-v, k] }.first(2).to_h, inventory.transform_values { |v| v * 2 }, inventory.transform_keys(&:to_sym).keys
p inventory.filter_map { |k, v| k.upcase if v.odd? }, inventory.each_with_object(Hash.new(0)) { |(k, v), h| h[k[0]] += v }, inventory.invert[7]
p inventory.to_a.last, inventory.count { |_, v| v > 2 }, inventory.find { |_, v| v == 3 }, inventory.key(7), inventory.values.minmax, inventory.any? { |_, v| v.zero? }
defaults = Hash.new { |hash, key| hash[key] = key.to_s * 2 }
p defaults[:ab], defaults.keys, Hash.new(5)[:missing], Hash.new(5).fetch(:x, 9), ({ a: 1 }.fetch(:b) { |k| "no #{k}" })
begin
  { a: 1 }.fetch(:zz)
rescue KeyError => e
  p e.class, e.key, e.receiver
end
config = { 'db' => { 'host' => 'localhost', 'ports' => [5432, 5433], 'opts' => { 'ssl' => true } }, 'name' => 'app' }
override = { 'db' => { 'host' => 'prod.example', 'opts' => { 'timeout' => 5 } }, 'debug' => false }
deep_merge = lambda do |a, b|
  a.merge(b) { |_, x, y| x.is_a?(Hash) && y.is_a?(Hash) ? deep_merge.call(x, y) : y }
end
merged = deep_merge.call(config, override)
p merged, merged.dig('db', 'opts', 'ssl'), merged.dig('db', 'ports', 1), merged.dig('db', 'missing', 'x')
p config.merge(override) { |key, old, new| key == 'db' ? old.keys + new.keys : new }['db']
h = { b: 2, a: 1 }
h[:c] = 3
h.delete(:b)
h.store(:d, 4)
p h, h.sort.to_h, h.min_by(&:last), h.sum { |_, v| v }, h.to_a.flatten, h.each_with_index.map { |(k, v), i| "#{i}#{k}#{v}" }, h.dup.compare_by_identity.class
p h.group_by { |_, v| v.odd? }, h.partition { |_, v| v > 2 }.map(&:to_h), h.slice(:a, :zz), h.except(:a), h.filter_map { |k, v| k if v > 1 }, h.sort_by { -_2 }
p({ 'x' => 1 }.merge({ 'x' => 2, 'y' => 3 }), { 1 => 'a' } == { 1 => 'a' }, { a: 1 }.eql?({ a: 1.0 }), { a: nil }.compact, { a: { b: 1 } }.to_a, Hash[[[:k, :v]]])
words = %w[apple avocado banana blueberry cherry]
index = words.group_by { |w| w[0] }
p index, index.transform_values(&:count), index.map { |letter, list| [letter, list.map(&:size).sum] }.to_h, index.keys.sort.reverse
nested = Hash.new { |hh, k| hh[k] = Hash.new(0) }
[%w[x a], %w[x b], %w[y a], %w[x a]].each { |outer, inner| nested[outer][inner] += 1 }
p nested, nested.to_a.sort, nested['x'].max_by(&:last), nested.sum { |_, v| v.values.sum }
p h.frozen?, h.freeze.frozen?, (begin; h[:e] = 1; rescue => e; e.class; end), h.length, h.key?(:a), h.value?(4), h.dig(:a), { 'b' => 1, 'a' => 2 }.min
