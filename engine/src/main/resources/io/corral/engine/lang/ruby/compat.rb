# Corral's Ruby compatibility fixes: evaluated once in every fresh context, after the prelude.
# Where TruffleRuby 25.0 answers differently from CRuby in ways ordinary tool code meets, this puts
# CRuby's answer in place (each is checked by RubyCompatTest and the differential corpus). Evaluates to
# a lambda the host calls with the prelude's registration of fixes for standard-library files.

lambda do |fix_after_load|
  # Float#to_s and #inspect. TruffleRuby formats floats with java.text.DecimalFormat, which sometimes
  # gives more digits than needed (2.0**62 => 4.6116860184273879e+18, CRuby 4.611686018427388e+18) or
  # not the nearest ones (5e-324 => 4.9e-324), and uses fixed notation up to 1e16 where CRuby switches
  # to an exponent past 16 significant digits (1e15 + 0.3 => 1.0000000000000002e+15, CRuby
  # 1000000000000000.2). CRuby prints the shortest digits that read back as the same float, the nearest
  # such when there are two, laid out as in its flo_to_s.
  kernel_format = Kernel.instance_method(:format)
  string_to_f = String.instance_method(:to_f)
  # x / 10**e rounded to an Integer (half to even), exactly: from x's bits, in integers.
  scaled = lambda do |x, e|
    bits = [x].pack('G').unpack1('Q>')
    biased = bits >> 52
    num = bits & ((1 << 52) - 1)
    num |= 1 << 52 unless biased.zero?
    two = biased.zero? ? -1074 : biased - 1075
    den = 1
    two.negative? ? den <<= -two : num <<= two
    e.negative? ? num *= 10**-e : den *= 10**e
    q, r = num.divmod(den)
    q += 1 if 2 * r > den || (2 * r == den && q.odd?)
    q
  end
  # The shortest digits that read back as x (positive, finite), the nearest such: [digits, last] with
  # x == digits * 10**last.
  shortest = lambda do |abs|
    # DecimalFormat's digits in exponent form, "d.dddddddddddddddde+XX" (its fixed form drops digits
    # past 17 decimals), as an Integer m and the exponent of its last digit: abs == m * 10**last
    text = kernel_format.bind_call(nil, '%.16e', abs)
    m = (text[0] + text[2, 16]).to_i
    last = text[19..].to_i - 16
    while (m % 10).zero?
      m /= 10
      last += 1
    end
    # DecimalFormat's 16 and 17 digit answers are sometimes a digit too long (2.0**62 =>
    # 46116860184273879) or not the nearest of their length, and a subnormal's too long (4.9e-324):
    # then the nearest n-digit decimal, exactly, for n from 17 down while it still reads back as x
    # (one digit higher on the wider side of a power of two).
    reads_back = ->(c, e) { c.positive? && string_to_f.bind_call("#{c}e#{e}") == abs }
    if abs < Float::MIN || m >= 10**15
      top = m.to_s.size + last - 1 # the exponent of the leading digit
      power_of_two = ([abs].pack('G').unpack1('Q>') & ((1 << 52) - 1)).zero?
      m = scaled.call(abs, top - 16)
      last = top - 16
      16.downto(1) do |n|
        e = top - n + 1
        c = scaled.call(abs, e)
        c += 1 if !reads_back.call(c, e) && power_of_two && reads_back.call(c + 1, e)
        break unless reads_back.call(c, e)

        m = c
        last = e
      end
      while (m % 10).zero?
        m /= 10
        last += 1
      end
    end
    [m.to_s, last]
  end
  float_text = lambda do |x|
    negative = x.negative?
    digits, last = shortest.call(x.abs)
    point = digits.size + last # CRuby's decpt: digits before the decimal point
    sign = negative ? '-' : ''
    if point.positive? && (point < digits.size || point <= Float::DIG)
      if point < digits.size
        "#{sign}#{digits[0, point]}.#{digits[point..]}"
      else
        "#{sign}#{digits}#{'0' * (point - digits.size)}.0"
      end
    elsif point <= 0 && point > -4
      "#{sign}0.#{'0' * -point}#{digits}"
    else
      e = point - 1
      "#{sign}#{digits[0]}.#{digits.size > 1 ? digits[1..] : '0'}e#{e.negative? ? '-' : '+'}#{e.abs.to_s.rjust(2, '0')}"
    end
  end
  Float.prepend(Module.new do
    define_method(:to_s) do
      abs = self.abs
      # DecimalFormat's text is CRuby's for up to 15 digits between 0.001 and 1e15 (the usual case)
      if abs >= 0.001 && abs < 1e15
        text = super()
        return text if text.size <= (negative? ? 17 : 16)
      end
      finite? && !zero? ? float_text.call(self) : super()
    end
    define_method(:inspect) { to_s }
  end)

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

  # Process.pid needs a native call; the guest is a process of its own here, with a neutral pid (the
  # standard library's Tempfile records it). Signals to it are refused by the lockdown whatever the pid.
  Process.singleton_class.send(:define_method, :pid) { 1 }

  # sprintf's float conversions (format, String#%, printf). Where a float's shortest digits end in a 5
  # just past the precision asked for (12.345 with %.2f), CRuby rounds those digits half to even
  # (12.34, 2.675 => 2.68) while TruffleRuby rounds the float's exact binary value (12.35, 2.67).
  # Such an argument is passed on as the float CRuby's rounding gives, which TruffleRuby then prints
  # as CRuby does. Every other argument and conversion is TruffleRuby's own.
  directive = /%(?:%|\{\w*\}|([-+ 0#]*)(?:(\d+)\$)?([-+ 0#]*)(?:<(\w+)>)?([-+ 0#]*)(\*(?:\d+\$)?|\d+)?(?:\.(\*(?:\d+\$)?|\d*))?(?:<(\w+)>)?([-+ 0#]*)([a-zA-Z]))/
  rounded_as_cruby = lambda do |x, type, precision|
    return x unless x.instance_of?(Float) && x.finite? && !x.zero?

    abs = x.abs
    # cheaply ruled out first: a tie needs abs, scaled to the digits kept, to end in (about) one half
    decimals = type == 'f' ? precision : (type == 'g' || type == 'G' ? [precision, 1].max - 1 : precision)
    decimals -= Math.log10(abs).floor unless type == 'f'
    scaled_up = abs * 10.0**decimals
    if scaled_up.finite? && scaled_up < 2**52
      half = scaled_up - scaled_up.floor
      return x if (half - 0.5).abs > scaled_up * 1e-15 + 1e-9
    end

    digits, last = shortest.call(abs)
    point = digits.size + last
    keep = case type
           when 'f' then point + precision
           when 'e', 'E' then precision + 1
           else precision.zero? ? 1 : precision
           end
    return x unless keep.positive? && digits.size == keep + 1 && digits.end_with?('5')

    kept = digits[0, keep].to_i
    kept += 1 if kept.odd?
    value = string_to_f.bind_call("#{kept}e#{last + 1}")
    x.negative? ? -value : value
  end
  # A format string's float conversions, parsed once (the last 256 strings are kept): per directive
  # the width and precision references and the value's ([:seq], [:pos, i] or [:name, key]).
  plans = {}
  reference = ->(star) { star.end_with?('$') ? [:pos, star[1..].to_i - 1] : [:seq] }
  plan_of = lambda do |format_string|
    plans[format_string] ||= begin
      plans.clear if plans.size >= 256
      steps = []
      format_string.scan(directive) do
        m = Regexp.last_match
        next if m[10].nil? # %% and %{name}

        name = m[4] || m[8]
        steps << {
          width: m[6]&.start_with?('*') ? reference.call(m[6]) : nil,
          precision: m[7].nil? ? 6 : (m[7].start_with?('*') ? reference.call(m[7]) : m[7].to_i),
          value: name ? [:name, name.to_sym] : (m[2] ? [:pos, m[2].to_i - 1] : [:seq]),
          float: 'feEgG'.include?(m[10]) ? m[10] : nil
        }
      end
      steps
    end
  end
  cruby_float_args = lambda do |format_string, args|
    return args unless format_string.is_a?(String) && args.any? { |a| a.instance_of?(Float) || a.is_a?(Hash) }

    fixed = args
    sequential = 0
    resolve = lambda do |ref|
      if ref[0] == :pos
        ref[1]
      else
        sequential += 1
        sequential - 1
      end
    end
    plan_of.call(format_string.frozen? ? format_string : format_string.dup.freeze).each do |step|
      resolve.call(step[:width]) if step[:width]
      precision = step[:precision].is_a?(Array) ? Integer(fixed[resolve.call(step[:precision])]) : step[:precision]
      ref = step[:value]
      if ref[0] == :name
        hash = fixed.last
        next unless step[:float] && hash.is_a?(Hash) && hash.key?(ref[1])

        value = rounded_as_cruby.call(hash[ref[1]], step[:float], precision)
        next if value.equal?(hash[ref[1]])

        fixed = fixed.dup if fixed.equal?(args)
        fixed[-1] = hash.merge(ref[1] => value)
      else
        index = resolve.call(ref)
        next unless step[:float] && index < fixed.size

        value = rounded_as_cruby.call(fixed[index], step[:float], precision)
        next if value.equal?(fixed[index])

        fixed = fixed.dup if fixed.equal?(args)
        fixed[index] = value
      end
    end
    fixed
  rescue StandardError
    args # a format TruffleRuby will report on itself
  end
  kernel_sprintf = Kernel.instance_method(:sprintf)
  Kernel.module_eval do
    %i[sprintf format].each do |name|
      define_method(name) do |format_string, *args|
        kernel_sprintf.bind_call(self, format_string, *cruby_float_args.call(format_string, args))
      end
      private name
    end
  end
  %i[sprintf format].each do |name|
    Kernel.singleton_class.send(:define_method, name) do |format_string, *args|
      kernel_sprintf.bind_call(self, format_string, *cruby_float_args.call(format_string, args))
    end
  end

  # Integer("abc") says which text it could not read as CRuby does, quoted: invalid value for
  # Integer(): "abc" (TruffleRuby leaves the quotes out).
  kernel_integer = Kernel.instance_method(:Integer)
  integer = lambda do |receiver, args, options|
    kernel_integer.bind_call(receiver, *args, **options)
  rescue ArgumentError => e
    text = args.first
    raise unless text.is_a?(String) && e.message == "invalid value for Integer(): #{text}"

    raise ArgumentError, "invalid value for Integer(): #{text.inspect}", e.backtrace
  end
  Kernel.send(:define_method, :Integer) { |*args, **options| integer.call(self, args, options) }
  Kernel.send(:private, :Integer)
  Kernel.singleton_class.send(:define_method, :Integer) { |*args, **options| integer.call(self, args, options) }

  # Comparable#clamp with a beginless or endless range (5.clamp(..3), -5.clamp(0..)): CRuby leaves the
  # open side unbounded; TruffleRuby compares with nil and fails.
  clamp = Comparable.instance_method(:clamp)
  Comparable.send(:define_method, :clamp) do |*args|
    range = args.first
    next clamp.bind_call(self, *args) unless args.size == 1 && range.is_a?(Range) && (range.begin.nil? || range.end.nil?)
    raise ArgumentError, 'cannot clamp with an exclusive range' if range.exclude_end? && !range.end.nil?

    if !range.begin.nil? && self < range.begin
      range.begin
    elsif !range.end.nil? && self > range.end
      range.end
    else
      self
    end
  end

  # NameError's message names the top-level object "main", as CRuby 3.3 does ("undefined local
  # variable or method 'x' for main"); TruffleRuby showed it as #<Object:0x8>.
  main = TOPLEVEL_BINDING.receiver
  receiver_string = Truffle::ExceptionOperations.method(:receiver_string)
  Truffle::ExceptionOperations.singleton_class.send(:define_method, :receiver_string) do |receiver|
    receiver.equal?(main) ? 'main' : receiver_string.call(receiver)
  end

  # ARGF's class is named "ARGF.class" in CRuby (TruffleRuby: Truffle::ARGFClass).
  %i[name to_s inspect].each { |name| ARGF.class.singleton_class.send(:define_method, name) { 'ARGF.class' } }

  # json: its pure-Ruby generator (the one TruffleRuby uses) prints an empty object inside another as
  # "{\n}" where the C generator of CRuby's json 2.6/2.7 indents the closing brace ("{\n  }").
  fix_after_load.call('lib/json/lib/json/pure/generator.rb', lambda do
    methods = JSON::Pure::Generator::GeneratorMethods::Hash
    transform = methods.instance_method(:json_transform)
    methods.send(:define_method, :json_transform) do |state|
      next transform.bind_call(self, state) unless empty?

      "{#{state.object_nl}#{state.object_nl.empty? ? '' : state.indent * state.depth}}"
    end
    methods.send(:private, :json_transform)
  end)

  nil
end
