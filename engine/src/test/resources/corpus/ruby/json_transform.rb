# Reads orders as JSON from stdin, validates and aggregates them, prints a JSON summary.
require 'json'

input = JSON.parse($stdin.read)
orders = input.fetch('orders')
errors = []
valid = orders.select do |order|
  missing = %w[id customer lines].reject { |k| order.key?(k) }
  errors << { 'id' => order['id'], 'missing' => missing } unless missing.empty?
  missing.empty?
end

by_customer = valid.group_by { |o| o['customer'] }.transform_values do |list|
  list.sum { |o| o['lines'].sum { |l| l['qty'] * l['unit_price'] } }.round(2)
end

summary = {
  'generated_for' => input['account'],
  'orders' => valid.size,
  'rejected' => errors,
  'revenue_by_customer' => by_customer.sort_by { |name, total| [-total, name] }.to_h,
  'largest_line' => valid.flat_map { |o| o['lines'] }.max_by { |l| l['qty'] * l['unit_price'] },
  'skus' => valid.flat_map { |o| o['lines'].map { |l| l['sku'] } }.tally.sort.to_h,
  'big' => 2**70,
  'ratio' => 1.0 / 3,
  'tags' => %i[alpha beta],
  'empty' => {},
  'nothing' => nil
}
puts JSON.pretty_generate(summary)
puts JSON.generate(summary['skus'])
puts summary['revenue_by_customer'].to_json
puts JSON.dump('unicode' => "Zoë \u2603 \t tab", 'escaped' => "</script>")

begin
  JSON.parse('{"broken": ')
rescue JSON::ParserError => e
  puts "parse error: #{e.class}"
end
p JSON.parse('{"a": [1, 2.5, "x", null, true]}', symbolize_names: true)
p JSON.parse('[1e3, -0.0, 12345678901234567890]')
