# An error nobody rescues: exit status 1 and CRuby's report on stderr, after the output so far.
class QuotaExceeded < StandardError; end

def charge(account, amount)
  raise QuotaExceeded, "account #{account} over quota by #{amount - 100}" if amount > 100

  puts "charged #{account} #{amount}"
end

at_exit { puts 'at_exit still runs' }
charge('a-1', 40)
[['a-2', 90], ['a-3', 130], ['a-4', 10]].each { |acct, amt| charge(acct, amt) }
puts 'never printed'
