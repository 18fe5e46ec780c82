# The standard libraries docs/languages/ruby.md lists as working.
%w[set json securerandom base64 digest stringio ostruct strscan pp forwardable delegate singleton
   observer tsort shellwords abbrev benchmark logger erb optparse matrix prime uri timeout monitor
   English].each { |lib| require lib }

p Set[1, 2] | Set[3]
p JSON.parse('{"a":[1,2.5,null,"é",123456789012345678901234567890]}')
puts JSON.generate({ "b" => [true, nil], c: 1 })
p SecureRandom.hex(4).size, Base64.strict_encode64("hi")
p Digest::SHA256.hexdigest("abc")[0, 16], Digest::MD5.hexdigest("abc")
p StringIO.new("x\ny").readlines, OpenStruct.new(a: 1).a
p StringScanner.new("3 apples").scan(/\d+/), Shellwords.split("a 'b c'")
p ERB.new("<%= 1 + 1 %>").result, Prime.first(3), Matrix[[1, 2], [3, 4]].determinant
p URI.parse("https://example.com/a?b=1").host
