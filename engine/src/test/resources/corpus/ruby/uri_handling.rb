# URLs: parsing, building, joining, query strings, percent-encoding.
require 'uri'
require 'cgi'

u = URI.parse('https://user:p%40ss@api.example.com:8443/v1/items/42?sort=desc&tag=a%20b&tag=c#details')
p u.class, u.scheme, u.userinfo, u.user, u.password, u.host, u.port, u.path, u.query, u.fragment, u.default_port, u.request_uri
p URI.decode_www_form(u.query), URI.decode_www_form(u.query).group_by(&:first).transform_values { |v| v.map(&:last) }
p URI.join('https://example.com/a/b/c', '../d?x=1').to_s, URI.join('https://example.com/a/', 'b', 'c').to_s
p URI.encode_www_form(q: 'ruby uri', page: 2, tags: %w[a b], empty: nil), URI.encode_www_form_component('a b&c=d/é'), URI.decode_www_form_component('a+b%26c')
built = URI::HTTPS.build(host: 'example.org', path: '/search', query: URI.encode_www_form(q: 'x y'))
p built.to_s, built.host, URI('http://example.com').port, URI('http://EXAMPLE.com/%7Efoo').normalize.to_s
v = URI.parse('http://example.com/path')
v.query = 'a=1'
v.path += '/more'
v.scheme = 'https'
p v.to_s, v.port, URI.parse('mailto:someone@example.com').class, URI.parse('urn:isbn:0451450523').opaque
%w[http://ok.example/x ht!tp://bad http://[::1]:8080/ relative/path ftp://files.example/f.txt].each do |s|
  uri = URI.parse(s)
  puts "#{s} -> #{uri.class} #{uri.host.inspect} #{uri.relative?}"
rescue URI::InvalidURIError => e
  puts "#{s} -> invalid (#{e.class})"
end
p URI.extract('see https://a.example/x and http://b.example.', %w[http https]) rescue p $!.class
p CGI.escape('a b&c/d'), CGI.unescape('a+b%26c'), CGI.escapeHTML('<a href="x">T&C</a>'), CGI.unescapeHTML('&lt;b&gt; &amp; &quot;')
p URI::DEFAULT_PARSER.make_regexp(%w[https]).match?('https://x.y/z'), URI.split('https://h.example:1/p?q#f'), u.to_s == u.dup.to_s
