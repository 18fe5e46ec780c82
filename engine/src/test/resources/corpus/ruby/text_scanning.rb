# Tokenizing text with StringScanner and Shellwords.
require 'strscan'
require 'shellwords'

def tokenize(source)
  s = StringScanner.new(source)
  tokens = []
  until s.eos?
    if s.skip(/\s+/) then next
    elsif (t = s.scan(/\d+\.\d+|\d+/)) then tokens << [:num, t.include?('.') ? t.to_f : t.to_i]
    elsif (t = s.scan(/[A-Za-z_]\w*/)) then tokens << [:ident, t]
    elsif (t = s.scan(/"(?:\\.|[^"])*"/)) then tokens << [:str, t[1..-2].gsub(/\\(.)/, '\1')]
    elsif (t = s.scan(%r{[-+*/()=<>!]=?})) then tokens << [:op, t]
    else raise ArgumentError, "unexpected #{s.getch.inspect} at #{s.pos - 1}"
    end
  end
  tokens
end

p tokenize('total = price * 1.2 + qty'), tokenize('name == "a \"quoted\" word" != x')
begin
  tokenize('a = $b')
rescue ArgumentError => e
  puts e.message
end

def evaluate(tokens)
  pos = 0
  peek = -> { tokens[pos] }
  advance = -> { (pos += 1) && tokens[pos - 1] }
  expr = nil
  factor = lambda do
    kind, value = advance.call
    if kind == :num then value
    elsif value == '('
      v = expr.call
      advance.call
      v
    elsif value == '-' then -factor.call
    else raise ArgumentError, "bad token #{value.inspect}"
    end
  end
  term = lambda do
    v = factor.call
    v = peek.call[1] == '*' ? (advance.call && v * factor.call) : (advance.call && v / factor.call.to_f) while peek.call && %w[* /].include?(peek.call[1])
    v
  end
  expr = lambda do
    v = term.call
    v = peek.call[1] == '+' ? (advance.call && v + term.call) : (advance.call && v - term.call) while peek.call && %w[+ -].include?(peek.call[1])
    v
  end
  expr.call
end
['1 + 2 * 3', '(1 + 2) * 3', '10 / 4 - 1', '-2 * (3 + 4.5)'].each { |e| puts "#{e} = #{evaluate(tokenize(e))}" }

s = StringScanner.new('key1=val1; key2 = "two words"; flag')
pairs = {}
until s.eos?
  s.skip(/\s*/)
  key = s.scan(/\w+/)
  value = s.skip(/\s*=\s*/) ? (s.scan(/"[^"]*"/)&.delete('"') || s.scan(/[^;]+/)) : true
  pairs[key] = value
  s.skip(/\s*;?/)
end
p pairs, s.pos, s.rest, s.matched?
s = StringScanner.new('abc123')
p s.scan(/[a-z]+/), s.pos, s.check(/\d/), s.pos, s.peek(2), s.scan_until(/3/), s.pre_match, s.eos?, s.string

p Shellwords.split(%q{cp -r "My Files" 'x y' plain\ space --opt="a b"}), Shellwords.escape("it's here & now"), %w[a b\ c].shelljoin, 'one "two three"'.shellsplit
begin
  Shellwords.split('unterminated "quote')
rescue ArgumentError => e
  puts "ArgumentError: #{e.message.start_with?('Unmatched')}"
end
