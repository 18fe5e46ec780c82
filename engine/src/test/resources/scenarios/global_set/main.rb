$corral_marker = "set"
class String; def corral_polluted; "set"; end; end
puts "set"
