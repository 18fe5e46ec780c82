# Corral's Ruby compatibility fixes: evaluated once in every fresh context, after the prelude.
# Where TruffleRuby 25.0 answers differently from CRuby in ways ordinary tool code meets, this puts
# CRuby's answer in place (each is checked by RubyCompatTest and the differential corpus).

# External enumerators (Enumerator#next, #peek, zip with a Range) run the iteration in a fiber, and
# each TruffleRuby fiber holds a Java thread until it finishes or the context closes: `a.zip(1..3)`
# leaves one waiting behind. For the plain Array and Integer Range iterations (zip's usual
# arguments) a cursor gives the same elements in the same order without a fiber, as CRuby's
# Array#each sees elements appended meanwhile.
array_each = Array.instance_method(:each)
range_each = Range.instance_method(:each)
method_of = Kernel.instance_method(:method)
class_of = Kernel.instance_method(:class)
array_cursor = Class.new do
  attr_reader :result

  def initialize(array)
    @array = array
    @result = array
    rewind
  end

  def next? = @index < @array.size

  def next
    raise StopIteration, 'iteration reached end' unless next?

    @index += 1
    @array[@index - 1]
  end

  def rewind
    @index = 0
  end
end
range_cursor = Class.new do
  attr_reader :result

  def initialize(range)
    @range = range
    @result = range
    rewind
  end

  def next?
    last = @range.end
    last.nil? || (@range.exclude_end? ? @current < last : @current <= last)
  end

  def next
    raise StopIteration, 'iteration reached end' unless next?

    @current += 1
    @current - 1
  end

  def rewind
    @current = @range.begin
  end
end
enumerator_each = Enumerator.instance_method(:each)
ivar_of = Kernel.instance_method(:instance_variable_get)
cursor_for = lambda do |object|
  klass = class_of.bind_call(object)
  if klass.equal?(Enumerator) && method_of.bind_call(object, :each).unbind == enumerator_each
    # an enumerator of a plain iteration (zip's `a.zip(b.each)`): a cursor over what it iterates
    plain = ivar_of.bind_call(object, :@iter) == :each && ivar_of.bind_call(object, :@args).empty? &&
            ivar_of.bind_call(object, :@kwargs).empty?
    plain ? cursor_for.call(ivar_of.bind_call(object, :@object)) : nil
  elsif klass.equal?(Array) && method_of.bind_call(object, :each).unbind == array_each
    array_cursor.new(object)
  elsif klass.equal?(Range) && object.begin.is_a?(Integer) && (object.end.nil? || object.end.is_a?(Integer)) &&
        method_of.bind_call(object, :each).unbind == range_each
    range_cursor.new(object)
  end
end
Enumerator.prepend(Module.new do
  define_method(:next) do
    @generator = cursor_for.call(self) if @generator.nil? && @lookahead.empty?
    super()
  end
end)

nil
