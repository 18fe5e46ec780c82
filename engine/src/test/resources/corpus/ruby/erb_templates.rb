# Rendering text from templates with ERB: loops, conditions, trim modes, helpers, escaping.
require 'erb'

Invoice = Struct.new(:number, :customer, :lines, :paid)
Line = Struct.new(:description, :qty, :price) do
  def total = qty * price
end

invoice = Invoice.new('INV-0042', 'Zoë & Co <gmbh>', [Line.new('Consulting', 3, 120.0), Line.new('Travel', 1, 89.9), Line.new('Licence', 2, 0.5)], false)

template = ERB.new(<<~TPL, trim_mode: '-')
  Invoice <%= invoice.number %> for <%= invoice.customer %>
  <%- invoice.lines.each_with_index do |line, i| -%>
  <%= format('%2d. %-12s %3d x %8.2f = %9.2f', i + 1, line.description, line.qty, line.price, line.total) %>
  <%- end -%>
  Total: <%= format('%.2f', invoice.lines.sum(&:total)) %>
  <%- if invoice.paid -%>
  Status: paid
  <%- else -%>
  Status: DUE (<%= invoice.lines.count { |l| l.total > 100 } %> large lines)
  <%- end -%>
TPL
puts template.result(binding)

html = ERB.new('<p><%= ERB::Util.html_escape(name) %></p><%# a comment %><% 2.times do |i| %>[<%= i %>]<% end %>')
name = invoice.customer
puts html.result(binding)
puts ERB.new("a\n<% if true %>\nb\n<% end %>\nc", trim_mode: '<>').result, ERB.new("x <%% literal %%>").result
puts ERB.new('<%= items.map { |k, v| "#{k}=#{v}" }.join("&") %>').result_with_hash(items: { q: 'ruby', page: 2 })
include ERB::Util
puts h('<script>"x" & \'y\'</script>'), url_encode('a b/c?d=é')
