require 'json'
data = JSON.parse($stdin.read)
total = data['items'].sum { |i| i['price'] * i['qty'] }
puts JSON.pretty_generate({ 'count' => data['items'].size, 'customer' => data['customer'], 'total' => total.round(2) })
puts format('%8s|%10.3f|', 'café', total)
