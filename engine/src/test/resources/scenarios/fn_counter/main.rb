# module-level state: survives between calls only in a warm instance
$count = 0

def execute(input)
  $count += 1
  puts "call #{$count}"
  raise ArgumentError, 'asked to raise' if input && input['raise']
  loop {} if input && input['spin']
  { 'count' => $count, 'mode' => ENV['MODE'] }
end
