# NoMethodError and NameError as programs print them: the message wording changed in Ruby 3.3.
class Account
  def initialize(owner) = @owner = owner
end
[-> { nil.upcase }, -> { Account.new('x').balance }, -> { 42.strip }, -> { undefined_local_thing }, -> { Missing::Const }].each do |f|
  f.call
rescue NameError => e
  puts "#{e.class}: #{e.message.lines.first.chomp}"
  p e.name
end
