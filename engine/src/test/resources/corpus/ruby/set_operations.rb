# Sets for membership, deduplication and comparisons.
require 'set'
required = Set['read', 'write', 'admin']
granted = Set.new(%w[read write audit])
p required & granted, required | granted, required - granted, required ^ granted, granted.subset?(required), Set[1, 2] <= Set[1, 2, 3]
p required.include?('admin'), required.size, required.to_a.sort, required.map(&:upcase).to_set.class, required.sort.first
s = Set.new
[3, 1, 3, 2, 1].each { |x| s << x }
p s, s.add?(3), s.add?(9).class, s.delete(1), s.length, s.min, s.sum, s.group_by(&:odd?), s.partition(&:even?)
p Set[[1, 2], [1, 2]].size, Set['a', 'A'].map(&:downcase).to_set.size, s.frozen?, s.dup.clear.empty?, s.each_slice(2).to_a
p Set[1, 2, 3].disjoint?(Set[4]), Set[1, 2].intersect?([2, 3].to_set), Set[3, 1, 2].sort.reverse, Set[1, 2] == Set[2, 1], Set[1].hash == Set[1].hash
tags_by_post = { 1 => %w[ruby json], 2 => %w[ruby http], 3 => %w[json] }
all_tags = tags_by_post.values.map(&:to_set).reduce(:|)
common = tags_by_post.values.map(&:to_set).reduce(:&)
p all_tags.sort, common, tags_by_post.select { |_, tags| tags.to_set.superset?(Set['ruby']) }.keys
p Set[1, 2, 3].select(&:odd?), Set[1, 2, 3].reject(&:odd?).class, Set[1, 2, 3].to_a.combination(2).count, Set.new([1, 2]) { |x| x * 10 }
p s.inspect, s.to_s, Set[].inspect, Set[Set[1]].inspect
