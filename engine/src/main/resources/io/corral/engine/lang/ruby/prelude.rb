# Corral's Ruby prelude: evaluated once in every fresh context, before an execution is bound.
#
# TruffleRuby runs here without native access (with it, it is not sandboxed at all), so whatever
# reaches the OS through POSIX calls fails: files, the real ENV, IO#gets on the real stdin, and
# TruffleRuby's own `require` (it stats files). This prelude puts script-facing replacements in
# their place (after it, compat.rb gives CRuby's answers where TruffleRuby's differ and files.rb
# File, IO and Dir), then returns the lambdas that bind one execution and run its script.
#
# Output reaches the host as it is written, so what a script printed before a timeout stopped it
# is kept.
$stdout.sync = true
$stderr.sync = true

# Set when an execution is bound: the host's stdlib index and bridge (see RubyStdlib, HostBridge).
corral_stdlib = nil
corral_host = nil
corral_at_exit = []
ruby_home = Truffle::Boot.ruby_home
stdlib_dir = %r{\A#{Regexp.escape(ruby_home)}/lib/(?:truffle|mri|json/lib|gems/gems/[^/]+/lib)/}
original_load = Kernel.instance_method(:load)
original_exit_bang = Kernel.instance_method(:exit!)
foreign_exception = defined?(Polyglot::ForeignException) ? Polyglot::ForeignException : nil

out_of_process = 'it needs native access, which in-process Ruby does not have; run it with process isolation'

# Resolves a feature to [absolute path] or raises LoadError the way `require` does, with the reason.
resolve_feature = lambda do |feature, from|
  name = feature.to_s
  key = name
  if name.start_with?('/')
    key = name.start_with?("#{ruby_home}/") ? name[ruby_home.size..] : nil
    key += '.rb' if key && !key.end_with?('.rb')
  end
  found = key && corral_stdlib && corral_stdlib.call(key)
  found = found.to_s unless found.nil?
  if found.nil?
    err = LoadError.new("cannot load such file -- #{name} (in-process Ruby loads only the pure-Ruby standard " \
                        'library; gems and files are not available)')
    err.instance_variable_set(:@path, name)
    raise err
  elsif found.start_with?('native:')
    err = LoadError.new("cannot load such file -- #{name} (#{found.delete_prefix('native:')} is a native extension: " \
                        "#{out_of_process})")
    err.instance_variable_set(:@path, name)
    raise err
  end
  "#{ruby_home}/#{found}"
end

digest_path = "#{ruby_home}/lib/truffle/digest.rb"
# TruffleRuby's digest declares an FFI struct for digests written as C extensions (none can load
# here) and loading FFI needs native access; its Java-backed MD5/SHA digests need neither. So
# digest.rb loads against a stand-in FFI that is removed again once it has loaded.
ffi_stand_in = Module.new
ffi_stand_in.const_set(:Struct, Class.new { def self.layout(*) = nil })
ffi_stand_in.const_set(:FunctionType, Class.new { def initialize(*) = nil })

# Fixes to apply once a standard-library file has loaded (compat.rb registers them): path => [proc]
after_load = Hash.new { |h, k| h[k] = [] }

load_feature = lambda do |receiver, path|
  return false if $LOADED_FEATURES.include?(path)
  # recorded before loading, as CRuby does, so circular requires end instead of recursing
  $LOADED_FEATURES << path
  stand_in = path == digest_path && !Object.const_defined?(:FFI, false)
  Object.const_set(:FFI, ffi_stand_in) if stand_in
  begin
    original_load.bind_call(receiver, path)
  rescue SecurityError => e
    $LOADED_FEATURES.delete(path)
    raise unless e.message.include?('native access')
    feature = path.delete_prefix("#{ruby_home}/").sub(%r{\Alib/(truffle|mri|json/lib|gems/gems/[^/]+/lib)/}, '')
    err = LoadError.new("cannot load such file -- #{feature.delete_suffix('.rb')} (#{out_of_process})")
    err.instance_variable_set(:@path, feature)
    raise err
  rescue Exception
    $LOADED_FEATURES.delete(path)
    raise
  ensure
    Object.send(:remove_const, :FFI) if stand_in && Object.const_get(:FFI, false).equal?(ffi_stand_in)
  end
  after_load.delete(path)&.each(&:call)
  true
end

Kernel.module_eval do
  define_method(:require) do |feature|
    feature = Truffle::Type.coerce_to_path(feature)
    load_feature.call(self, resolve_feature.call(feature, nil))
  end
  private :require
  define_singleton_method(:require) do |feature|
    feature = Truffle::Type.coerce_to_path(feature)
    load_feature.call(self, resolve_feature.call(feature, nil))
  end

  define_method(:require_relative) do |feature|
    feature = Truffle::Type.coerce_to_path(feature)
    caller_path = caller_locations(1, 1).first&.absolute_path || caller_locations(1, 1).first&.path
    base = caller_path ? File.dirname(caller_path) : '/code'
    # see ffi_stand_in
    return false if feature == 'ffi' && caller_path == "#{ruby_home}/lib/truffle/digest.rb"
    load_feature.call(self, resolve_feature.call(File.expand_path(feature, base), nil))
  end
  private :require_relative
  define_singleton_method(:require_relative) do |feature|
    raise NotImplementedError, 'Kernel.require_relative: call require_relative from a file'
  end

  define_method(:load) do |filename, wrap = false|
    filename = Truffle::Type.coerce_to_path(filename)
    path = resolve_feature.call(filename, nil)
    original_load.bind_call(self, path, wrap)
  end
  private :load
  define_singleton_method(:load) do |filename, wrap = false|
    filename = Truffle::Type.coerce_to_path(filename)
    original_load.bind_call(self, resolve_feature.call(filename, nil), wrap)
  end

  # CRuby runs at_exit handlers when the script ends; TruffleRuby only when the context is disposed,
  # after this execution's output is gone.
  define_method(:at_exit) do |&block|
    raise ArgumentError, 'called without a block' unless block
    corral_at_exit << block
    block
  end
  private :at_exit
  define_singleton_method(:at_exit) do |&block|
    raise ArgumentError, 'called without a block' unless block
    corral_at_exit << block
    block
  end

  # exit! skips at_exit handlers and ensure clauses and cannot be rescued. TruffleRuby's own exit!
  # unwinds that way but reaches the host as a plain error, so the status is recorded with the
  # host first (the host's exception that records it can be rescued, so it is caught here).
  define_method(:exit!) do |status = false|
    code = status == true ? 0 : status == false ? 1 : Integer(status)
    begin
      corral_host.exit(code & 0xFF)
    rescue Exception
      nil
    end
    original_exit_bang.bind_call(self, code)
  end
  private :exit!
  define_singleton_method(:exit!) do |status = false|
    Kernel.instance_method(:exit!).bind_call(self, status)
  end
end

# STDIN: IO#gets on the real stdin needs native buffers, and the request's stdin is known in full
# anyway, so STDIN is this in-memory reader with the reading half of IO's interface.
stdin_class = Class.new do
  include Enumerable

  def initialize(text)
    @data = text.dup.force_encoding(Encoding::UTF_8)
    @pos = 0
    @lineno = 0
    @closed = false
  end

  attr_accessor :lineno

  def inspect = '#<IO:<STDIN>>'
  def to_io = self
  def fileno = 0
  def tty? = false
  alias_method :isatty, :tty?
  def sync = true
  def sync=(value); end
  def binmode = self
  def binmode? = false
  def set_encoding(*) = self
  def external_encoding = Encoding::UTF_8
  def internal_encoding = nil
  def close = (@closed = true; nil)
  def closed? = @closed
  def close_read = close
  def pos = @data.byteslice(0, @pos).bytesize
  alias_method :tell, :pos
  def rewind = (@pos = 0; @lineno = 0; 0)
  def eof? = (check; @pos >= @data.size)
  alias_method :eof, :eof?

  def read(length = nil, outbuf = nil)
    check
    if length.nil?
      text = @data[@pos..] || +''
      @pos = @data.size
    else
      raise ArgumentError, "negative length #{length} given" if length.negative?
      return (length.zero? ? +'' : nil) if @pos >= @data.size && length.positive?
      bytes = @data[@pos..].b.byteslice(0, length)
      text = bytes.dup.force_encoding(Encoding::UTF_8)
      text = bytes unless text.valid_encoding?
      @pos += text.valid_encoding? ? text.size : text.bytesize
    end
    outbuf ? outbuf.replace(text) : text
  end

  def readpartial(length, outbuf = nil)
    raise EOFError, 'end of file reached' if eof?
    read(length, outbuf)
  end

  def gets(*args, chomp: false)
    check
    sep = $/
    limit = nil
    args.each do |a|
      if a.nil? || a.is_a?(String)
        sep = a
      else
        limit = Integer(a)
      end
    end
    return nil if @pos >= @data.size
    rest = @data[@pos..]
    line =
      if sep.nil?
        rest
      elsif sep.empty?
        # paragraph mode: up to a blank line, then skip further newlines
        m = rest.match(/\A\n*(.*?\n\n|.*\z)/m)
        @pos += m.begin(1)
        m[1]
      else
        i = rest.index(sep)
        i ? rest[0, i + sep.size] : rest
      end
    line = line[0, limit] if limit && limit >= 0 && line.size > limit
    @pos += line.size
    @pos += 1 while sep == '' && @data[@pos] == "\n"
    @lineno += 1
    $. = @lineno
    line = line.chomp(sep.nil? || sep.empty? ? "\n" : sep) if chomp
    line
  end

  def readline(*args, chomp: false)
    gets(*args, chomp: chomp) || raise(EOFError, 'end of file reached')
  end

  def each_line(*args, chomp: false)
    return enum_for(:each_line, *args, chomp: chomp) unless block_given?
    while (line = gets(*args, chomp: chomp))
      yield line
    end
    self
  end
  alias_method :each, :each_line

  def readlines(*args, chomp: false) = each_line(*args, chomp: chomp).to_a

  def getc
    check
    return nil if @pos >= @data.size
    c = @data[@pos]
    @pos += 1
    c
  end

  def readchar = getc || raise(EOFError, 'end of file reached')

  def each_char
    return enum_for(:each_char) unless block_given?
    while (c = getc)
      yield c
    end
    self
  end

  def getbyte
    c = getc
    c&.bytes&.first
  end

  def each_byte(&block)
    return enum_for(:each_byte) unless block
    read.each_byte(&block)
    self
  end

  def ungetc(c)
    @data = @data[0, @pos] + c.to_s + @data[@pos..]
    nil
  end

  private

  def check
    raise IOError, 'closed stream' if @closed
  end
end

# Like CRuby's error report: message and guest frames, without this prelude's own frames.
report = lambda do |e, path|
  lines = (e.backtrace || []).reject do |l|
    l.start_with?('<corral-') || l.start_with?('<internal:core> core/binding.rb')
  end
  last = lines.rindex { |l| l.start_with?("#{path}:") }
  lines = lines[0..last] if last
  # the script's top level as CRuby names it (evaluated in TOPLEVEL_BINDING, its blocks are one level deeper)
  lines = lines.map do |l|
    next l unless l.start_with?("#{path}:")

    l.sub("`<top (required)>'", "`<main>'").sub(/block \((\d+) levels\) in <unused>'/) do
      levels = Regexp.last_match(1).to_i - 1
      levels > 1 ? "block (#{levels} levels) in <main>'" : "block in <main>'"
    end
  end
  # the standard library's files as CRuby names them, not where this host extracted them
  lines = lines.map { |l| l.sub(stdlib_dir, '/usr/lib/ruby/3.3.0/') }
  e.set_backtrace(lines)
  # TruffleRuby's report of some errors (a stack overflow) names a Java frame of the host: dropped
  text = e.full_message(highlight: false, order: :top)
  text += "\n" unless text.end_with?("\n") # TruffleRuby's SyntaxError report has no line end
  $stderr.write(text.gsub(/^\tfrom [\w$]+(\.[\w$<>]+)+\((?:[^()\n]*\.java:-?\d+|Unknown Source|Native Method)\)\n/, ''))
rescue Exception
  $stderr.write("#{e.class}: #{e.message}\n") rescue nil
end

# The exception that ended the code (its SystemExit or uncaught error), which at_exit handlers see
# as $!, as in CRuby; nil when the code ran to its end.
ended_by = nil

run_at_exit = lambda do |path|
  status = nil
  run_handlers = lambda do
    until corral_at_exit.empty?
      begin
        corral_at_exit.pop.call
      rescue SystemExit => e
        status = e.status
      rescue Exception => e
        raise if foreign_exception && e.is_a?(foreign_exception)
        report.call(e, path)
      end
    end
  end
  if ended_by && !corral_at_exit.empty?
    begin
      raise ended_by
    rescue Exception
      run_handlers.call
    end
  else
    run_handlers.call
  end
  status
end

# Binds one execution: host bridge, stdlib index, script path, argv, environment, stdin.
bind = lambda do |host, stdlib, path, argv, env_names, env_values, stdin|
  corral_host = host
  corral_stdlib = stdlib
  $0 = path
  ARGV.replace(Array.new(argv.size) { |i| argv[i].to_s })
  # The real ENV needs native access; the guest's environment is the request's, nothing else.
  env = {}
  env_names.size.times { |i| env[env_names[i].to_s] = env_values[i].to_s }
  Object.send(:remove_const, :ENV)
  Object.const_set(:ENV, env)
  input = stdin_class.new(stdin.to_s)
  $stdin = input
  Object.send(:remove_const, :STDIN)
  Object.const_set(:STDIN, input)
end

# Runs code at top level under the script's name. Returns nil when it ran to its end, else
# [exit status, how it ended]: a SystemExit's status (as `exit` does in CRuby), or 1 for an error
# the code did not rescue or a syntax error, reported like CRuby does. Host exceptions (the
# bridge's exit) and the watchdog's cancellation pass through.
run_code = lambda do |path, code|
  TOPLEVEL_BINDING.eval(code.to_s, path, 1)
  nil
rescue SystemExit => e
  ended_by = e
  [e.status & 0xFF, 'exited']
rescue SyntaxError => e
  ended_by = e
  report.call(e, path)
  [1, 'syntax_error']
rescue Exception => e
  raise if foreign_exception && e.is_a?(foreign_exception)
  ended_by = e
  report.call(e, path)
  [1, 'guest_error']
end

run_script = lambda do |host, stdlib, path, argv, env_names, env_values, stdin, code|
  path = path.to_s
  bind.call(host, stdlib, path, argv, env_names, env_values, stdin)
  ended = run_code.call(path, code) || [0, 'completed']
  at_exit_status = run_at_exit.call(path)
  at_exit_status.nil? ? ended : [at_exit_status & 0xFF, 'exited']
end

# Functions: defines the code's methods; nil when it defines a callable `execute`, else
# [exit status, how it ended].
define_function = lambda do |host, stdlib, path, env_names, env_values, code|
  path = path.to_s
  bind.call(host, stdlib, path, [], env_names, env_values, '')
  status = run_code.call(path, code)
  next status unless status.nil?
  next nil if TOPLEVEL_BINDING.receiver.respond_to?(:execute, true)
  $stderr.write("#{path}: undefined method `execute' for main:Object (NoMethodError): " \
                "the code must define a top-level method execute(input)\n")
  [1, 'guest_error']
end

# Calls execute(input) once: [true, value] when it returned, [false, exit status, how it ended]
# when it did not.
invoke_function = lambda do |path, input|
  path = path.to_s
  result =
    begin
      [true, TOPLEVEL_BINDING.receiver.send(:execute, input)]
    rescue SystemExit => e
      ended_by = e
      [false, e.status & 0xFF, 'exited']
    rescue Exception => e
      raise if foreign_exception && e.is_a?(foreign_exception)
      ended_by = e
      report.call(e, path)
      [false, 1, 'guest_error']
    end
  at_exit_status = run_at_exit.call(path)
  at_exit_status.nil? ? result : [false, at_exit_status & 0xFF, 'exited']
end

# The value of this source: what the host calls. Order matters (see RubyLanguage).
[
  run_script,
  define_function,
  invoke_function,
  -> { {} },                            # a new Hash
  ->(hash, key, value) { hash[key.to_s] = value; nil },
  ->(size) { Array.new(size) },         # a new Array of that size
  ->(array, index, value) { array[index] = value; nil },
  ->(text) { text.to_s },               # a Ruby String from a host string
  ->(digits) { Integer(digits.to_s) },  # a big Integer from its decimal digits
  nil,
  ->(hash) { Hash.instance_method(:to_a).bind_call(hash) }, # a result Hash's pairs, whatever it overrides
  -> { corral_host },                   # the bound execution's host bridge, for files.rb
  ->(file, fix) { after_load["#{ruby_home}/#{file}"] << fix; nil }, # a fix for a stdlib file, for compat.rb
  # a warm instance's next call of its function: that execution's bridge, environment and stdin
  lambda do |host, stdlib, path, env_names, env_values|
    ended_by = nil
    bind.call(host, stdlib, path.to_s, [], env_names, env_values, '')
    nil
  end
]
