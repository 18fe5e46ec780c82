# Scratch files: write a small dataset, append to a log, read it back, list, move and clean up.
require 'tmpdir'
require 'fileutils'
require 'json'

Dir.mktmpdir('corpus') do |dir|
  data = File.join(dir, 'data')
  FileUtils.mkdir_p(File.join(data, 'raw'))
  3.times do |i|
    File.write(File.join(data, 'raw', "part-#{i}.csv"), (1..3).map { |j| "#{i},#{j},#{i * j}" }.join("\n") + "\n")
  end
  File.write(File.join(data, 'meta.json'), JSON.generate(parts: 3, source: 'corpus'))

  log = File.join(dir, 'run.log')
  File.write(log, "start\n")
  Dir.glob('raw/*.csv', base: data).sort.each do |name|
    rows = File.readlines(File.join(data, name), chomp: true).map { |l| l.split(',').map(&:to_i) }
    File.write(log, "#{name}: #{rows.size} rows, sum #{rows.sum(&:last)}\n", mode: 'a')
  end
  File.open(log, 'a') { |f| f.puts 'done'; f.printf("%d files\n", Dir.children(File.join(data, 'raw')).size) }

  puts File.read(log)
  puts File.foreach(log).count, File.size(log), File.exist?(log), File.file?(data), File.directory?(data), File.zero?(log)
  p JSON.parse(File.read(File.join(data, 'meta.json'))), Dir.children(data).sort, Dir.glob('**/*.csv', base: data)
  p Dir.entries(File.join(data, 'raw')).sort, Dir.exist?(File.join(data, 'raw')), File.basename(log, '.log'), File.extname(log)

  combined = File.join(dir, 'all.csv')
  File.open(combined, 'w') do |out|
    Dir.glob(File.join(data, 'raw', '*.csv')).sort.each { |f| File.foreach(f) { |line| out << line } }
  end
  lines = File.readlines(combined)
  p lines.size, lines.first, lines.last.chomp, File.read(combined, 5)

  File.open(combined, 'r+') do |f|
    f.seek(0, IO::SEEK_END)
    f.write("9,9,81\n")
    f.rewind
    p f.readline, f.each_line.count, f.eof?, f.pos == File.size(combined)
  end

  FileUtils.mv(combined, File.join(data, 'combined.csv'))
  FileUtils.cp(log, File.join(data, 'run-copy.log'))
  p File.exist?(combined), Dir.children(data).sort, File.read(File.join(data, 'run-copy.log')) == File.read(log)
  File.delete(log)
  FileUtils.rm_rf(File.join(data, 'raw'))
  p Dir.glob("#{data}/**/*").map { |f| f.delete_prefix("#{dir}/") }.sort
  begin
    File.read(log)
  rescue Errno::ENOENT => e
    puts "gone: #{e.class}"
  end
  File.open(File.join(dir, 'bin.dat'), 'wb') { |f| f.write([1, 2, 65_535].pack('n*')) }
  p File.binread(File.join(dir, 'bin.dat')).unpack('n*'), File.open(File.join(dir, 'bin.dat'), 'rb', &:read).encoding
end
puts 'cleaned up'
