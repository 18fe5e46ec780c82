# Errors as tool code handles them: hierarchies, retry, ensure, causes, catch/throw, messages.
class AppError < StandardError
  def initialize(msg = 'application failed') = super
end

class ValidationError < AppError
  attr_reader :field

  def initialize(field, msg = nil)
    @field = field
    super(msg || "#{field} is invalid")
  end
end

def validate(record)
  raise ValidationError, :name if record[:name].to_s.empty?
  raise ValidationError.new(:age, 'age must be positive') unless record[:age].to_i.positive?

  record
end

[{ name: 'a', age: 3 }, { name: '', age: 3 }, { name: 'b', age: -1 }].each do |r|
  validate(r)
  puts 'valid'
rescue ValidationError => e
  puts "#{e.class} on #{e.field}: #{e.message} (#{e.is_a?(AppError)} #{e.is_a?(StandardError)})"
end

attempts = 0
begin
  attempts += 1
  raise IOError, "flaky #{attempts}" if attempts < 3

  puts "succeeded after #{attempts}"
rescue IOError => e
  puts "retrying after #{e.message}"
  retry
end

log = []
def risky(log)
  log << 'start'
  yield
  log << 'after'
rescue ZeroDivisionError => e
  log << "rescued #{e.message}"
  :rescued
else
  log << 'else'
  :ok
ensure
  log << 'ensure'
end
p risky(log) { 1 / 0 }, risky(log) { 1 }, log

begin
  begin
    Integer('abc')
  rescue ArgumentError => e
    raise AppError, 'could not parse'
  end
rescue AppError => e
  p e.message, e.cause.class, e.cause.message
end

result = catch(:found) do
  [[1, 2], [3, 4]].each { |row| row.each { |v| throw :found, v * 10 if v == 3 } }
  :none
end
p result

errors = [
  -> { nil.upcase },
  -> { [1, 2].fetch(10) },
  -> { { a: 1 }.fetch(:b) },
  -> { Integer('12x') },
  -> { Float('x') },
  -> { 1 / 0 },
  -> { raise 'plain' },
  -> { [].frozen? || 'lit'.dup.freeze << 'x' },
  -> { :sym.unknown_method },
  -> { raise ArgumentError },
  -> { def m(a, b) = a; m(1) },
  -> { JSON },
  -> { Comparable.new },
  -> { 'x' + 1 },
  -> { [1, 'a'].sort },
  -> { exit_code = Process::Status }
]
errors.each do |f|
  f.call
  puts 'no error'
rescue StandardError => e
  puts "#{e.class}: #{e.class.ancestors.take_while { |k| k != StandardError }.last}"
end
p StopIteration.ancestors.include?(IndexError), KeyError.superclass, FrozenError.superclass, NotImplementedError.superclass, Errno::ENOENT.superclass
e = RuntimeError.new('boom')
p e.message, e.full_message.include?('boom')
p e.backtrace, (raise e rescue $!.backtrace.is_a?(Array)), e.exception('other').message, e.inspect
warn 'this goes to stderr'
$stderr.puts 'so does this'
exit 3
