# Splitting work over threads, as CRuby programs do (in-process Corral refuses guest threads).
results = Queue.new
workers = (1..3).map do |id|
  Thread.new(id) do |n|
    results << [n, (1..n * 1000).sum]
  end
end
workers.each(&:join)
p Array.new(results.size) { results.pop }.sort
