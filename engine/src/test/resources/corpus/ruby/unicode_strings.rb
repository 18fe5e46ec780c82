# String handling beyond ASCII: sizes, case, normalisation, graphemes, encodings.
samples = ['café', 'naïve résumé', 'Straße', 'ΟΔΥΣΣΕΥΣ', "e\u0301", '日本語テキスト', '👍🏽 ok', "tab\tand\nnewline"]
samples.each do |s|
  puts [s.inspect, s.length, s.bytesize, s.grapheme_clusters.length, s.upcase, s.downcase, s.reverse.inspect].join(' | ')
end
puts 'straße'.upcase, 'ÀÉÎ'.downcase, 'İ'.downcase.bytes.inspect, 'ß'.casecmp?('SS'), 'Résumé'.casecmp?('résumé')
puts "e\u0301".unicode_normalize(:nfc) == 'é', 'é'.unicode_normalize(:nfd).length, 'ﬁ'.unicode_normalize(:nfkc)
puts 'café'.encode('ISO-8859-1').bytes.inspect, 'café'.b.inspect, "caf\xE9".force_encoding('ISO-8859-1').encode('UTF-8')
bad = "ok\xFFok".dup.force_encoding('UTF-8')
puts bad.valid_encoding?, bad.scrub('?'), bad.scrub { |b| "<#{b.unpack1('H*')}>" }
puts 'hello world'.center(21, '*'), 'x'.ljust(4, '.') + '|', 'abc'.rjust(6, '0')
puts 'Hello'.tr('el', 'ip'), 'aaabbbccc'.squeeze, 'hello'.delete('l'), 'mississippi'.count('s'), 'hello'.sum
puts 'snake_case_words'.split('_').map(&:capitalize).join, 'CamelCaseString'.gsub(/([a-z])([A-Z])/, '\1_\2').downcase
puts '%s has %d chars' % ['naïve', 'naïve'.length], 'abc'.succ, 'az'.next, 'Zz'.succ, 'a'.ord, 233.chr(Encoding::UTF_8)
puts 'héllo'.each_char.to_a.inspect, 'hé'.bytes.inspect, 'hé'.unpack('U*').inspect, [104, 233].pack('U*')
puts 'The Title Of A Book'.split.map(&:downcase).inspect, '  padded  '.strip + '|', "trailing\n\n".chomp.inspect, 'abc'.chop
puts 'a,b;c d'.split(/[,; ]/).inspect, 'a,b,,c,,'.split(',').inspect, 'a,b,,c,,'.split(',', -1).inspect, 'key=value=x'.split('=', 2).inspect
puts 'hello'[1..3], 'hello'[-3..], 'hello'[10].inspect, 'hello'.slice(0, 2), 'hello world'.index('o'), 'hello world'.rindex('o')
puts 'ab' * 3, 'abc'.start_with?('ab'), 'abc'.end_with?('bc', 'x'), 'Hello World'.swapcase, 'hello'.include?('ell')
puts "quote \" and backslash \\".inspect, 'emoji 😀'.dump, "\e[1mbold\e[0m".inspect, "null\0byte".inspect
