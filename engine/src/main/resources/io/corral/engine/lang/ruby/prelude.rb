# Corral's Ruby prelude: evaluated once in every fresh context, before an execution is bound.
#
# In-process, TruffleRuby runs without native access (with it, it is not sandboxed at all), so
# whatever reaches the OS through POSIX calls fails: files, the real ENV, IO#gets on the real stdin,
# and TruffleRuby's own `require` (it stats files). This prelude puts script-facing replacements in
# their place (after it, compat.rb gives CRuby's answers where TruffleRuby's differ and files.rb
# File, IO and Dir), then returns the lambdas that bind one execution and run its script.
#
# In a worker process (PROCESS isolation) native access is on inside the OS sandbox: the same
# replacements stay (ENV, STDIN and the files are the request's in both modes, so a script sees the
# same world), and `require` also loads the standard library's C extensions (date, zlib,
# bigdecimal, ...); net/http and open-uri go through the host's gateway (http.rb).
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
stdlib_root = %r{\Alib/(?:truffle|mri|json/lib|gems/gems/[^/]+/lib)/}
original_load = Kernel.instance_method(:load)
original_require = Kernel.instance_method(:require)
original_exit_bang = Kernel.instance_method(:exit!)
foreign_exception = defined?(Polyglot::ForeignException) ? Polyglot::ForeignException : nil
# Whether this context runs in a worker process's OS sandbox with native access (set once, by the
# host, before any guest code: the "set once by the host" entry of the value below).
in_worker = false

out_of_process = 'it needs native access, which in-process Ruby does not have; run it with process isolation'

load_error = lambda do |message, path|
  err = LoadError.new(message)
  err.instance_variable_set(:@path, path)
  err
end

# Resolves a feature to its absolute path in TruffleRuby's home (a .rb file, or a C extension's .so
# in a worker) or raises LoadError the way `require` does, with the reason.
resolve_feature = lambda do |feature, from|
  name = feature.to_s
  key = name
  if name.start_with?('/')
    key = name.start_with?("#{ruby_home}/") ? name[ruby_home.size..] : nil
    key += '.rb' if key && !key.end_with?('.rb') && !key.end_with?('.so')
  end
  found = key && corral_stdlib && corral_stdlib.call(key)
  found = found.to_s unless found.nil?
  if found.nil?
    reason = in_worker ? 'Ruby here loads only the standard library' : 'in-process Ruby loads only the pure-Ruby standard library'
    raise load_error.call("cannot load such file -- #{name} (#{reason}; gems and files are not available)", name)
  elsif found.start_with?('native:')
    so = found.delete_prefix('native:')
    return "#{ruby_home}/#{so}" if in_worker

    library = so.sub(stdlib_root, '').delete_suffix('.so')
    raise load_error.call("cannot load such file -- #{name} (#{library} is a native extension: #{out_of_process})", name)
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
# Stand-ins for standard-library files (http.rb registers them): path => [proc defining what the
# file would have, whether a worker uses it too]: socket (no network in either mode; in-process it
# needs native access) and net/https (whose openssl TruffleRuby's build cannot load).
stand_ins = {}

# A C extension (in a worker): TruffleRuby's own require loads it (and records it); a library that
# still cannot load says which, without the path where this worker keeps the home.
load_native = lambda do |receiver, path|
  original_require.bind_call(receiver, path)
rescue LoadError => e
  feature = path.delete_prefix("#{ruby_home}/").sub(stdlib_root, '').delete_suffix('.so')
  why = e.message.gsub(ruby_home, '/usr/lib/ruby/3.3.0').gsub(%r{/usr/lib/ruby/3\.3\.0/lib/[^/:\s]+/}, '/usr/lib/ruby/3.3.0/')
  raise load_error.call("cannot load such file -- #{feature} (#{feature} is a native extension that cannot load " \
                        "here: #{why})", feature)
end

load_feature = lambda do |receiver, path|
  return load_native.call(receiver, path) if path.end_with?('.so')
  return false if $LOADED_FEATURES.include?(path)
  # recorded before loading, as CRuby does, so circular requires end instead of recursing
  $LOADED_FEATURES << path
  if stand_ins.key?(path) && (!in_worker || stand_ins[path][1])
    stand_ins[path][0].call
    after_load.delete(path)&.each(&:call)
    return true
  end
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

# ENV: the request's environment, nothing else (the real ENV is the process's: in-process it needs
# native access and would be the host's; in a worker it is the sandbox's). An object with CRuby's
# ENV interface over a Hash of Strings, not a Hash itself: ENV is no Hash in CRuby either, and
# TruffleRuby's own code reads ENV['TZ'] through it (it takes a Hash for a broken ENV).
env_class = Class.new do
  include Enumerable

  def initialize(pairs)
    @pairs = pairs
  end

  class << self
    def name = 'Object'
    alias_method :to_s, :name
    alias_method :inspect, :name
  end

  def [](name) = @pairs[name_of(name)]&.dup

  def fetch(name, *default, &block)
    key = name_of(name)
    return @pairs[key].dup if @pairs.key?(key)
    return block.call(key) if block
    return default.first unless default.empty?

    raise KeyError.new("key not found: #{key.inspect}", receiver: self, key: key)
  end

  def []=(name, value)
    key = name_of(name)
    return delete(key) && nil if value.nil?

    raise Errno::EINVAL, "setenv(#{key})" if key.include?('=') || key.empty?

    @pairs[key] = string_of(value).dup.freeze
    value
  end
  alias_method :store, :[]=

  def delete(name)
    key = name_of(name)
    return @pairs.delete(key) if @pairs.key?(key)

    block_given? ? yield(key) : nil
  end

  def key?(name) = @pairs.key?(name_of(name))
  alias_method :has_key?, :key?
  alias_method :include?, :key?
  alias_method :member?, :key?
  def value?(value) = value.is_a?(String) && @pairs.value?(value)
  alias_method :has_value?, :value?
  def key(value) = @pairs.key(value)
  def keys = @pairs.keys
  def values = @pairs.values
  def values_at(*names) = names.map { |n| self[n] }
  def size = @pairs.size
  alias_method :length, :size
  def empty? = @pairs.empty?
  def assoc(name) = (key?(name) ? [name_of(name), self[name]] : nil)
  def rassoc(value) = @pairs.rassoc(value)

  def each_pair(&block)
    return enum_for(:each_pair) { size } unless block

    @pairs.to_a.each { |pair| block.call(pair) }
    self
  end
  alias_method :each, :each_pair

  def each_key(&block)
    return enum_for(:each_key) { size } unless block

    keys.each(&block)
    self
  end

  def each_value(&block)
    return enum_for(:each_value) { size } unless block

    values.each(&block)
    self
  end

  def to_hash = @pairs.dup
  def to_h(&block) = block ? @pairs.to_h(&block) : @pairs.dup
  def to_a = @pairs.to_a
  def to_s = 'ENV'
  def inspect = @pairs.inspect
  def select(&block) = block ? @pairs.select(&block) : enum_for(:select) { size }
  alias_method :filter, :select
  def reject(&block) = block ? @pairs.reject(&block) : enum_for(:reject) { size }
  def filter_map(&block) = @pairs.filter_map(&block)
  def slice(*names) = @pairs.slice(*names.map { |n| name_of(n) })
  def except(*names) = @pairs.except(*names.map { |n| name_of(n) })
  def invert = @pairs.invert
  def rehash = nil

  def update(*hashes, &block)
    hashes.each do |hash|
      hash.to_hash.each do |k, v|
        self[k] = block && key?(k) ? block.call(k, self[k], v) : v
      end
    end
    self
  end
  alias_method :merge!, :update

  def replace(hash)
    pairs = hash.to_hash.to_h { |k, v| [name_of(k), string_of(v).dup.freeze] }
    @pairs.replace(pairs)
    self
  end

  def clear
    @pairs.clear
    self
  end

  def delete_if(&block)
    return enum_for(:delete_if) { size } unless block

    @pairs.delete_if(&block)
    self
  end

  def reject!(&block)
    return enum_for(:reject!) { size } unless block

    @pairs.reject!(&block) && self
  end

  def keep_if(&block)
    return enum_for(:keep_if) { size } unless block

    @pairs.keep_if(&block)
    self
  end

  def select!(&block)
    return enum_for(:select!) { size } unless block

    @pairs.select!(&block) && self
  end
  alias_method :filter!, :select!

  def shift = @pairs.shift
  def freeze = raise(TypeError, 'cannot freeze ENV')
  def dup = raise(TypeError, 'Cannot dup ENV, use ENV.to_h to get a copy of ENV as a hash')

  def clone(*) = raise(TypeError, 'Cannot clone ENV, use ENV.to_h to get a copy of ENV as a hash')

  private

  def name_of(name)
    raise TypeError, "no implicit conversion of #{name.nil? ? 'nil' : name.class} into String" unless name.respond_to?(:to_str)

    name.to_str
  end

  def string_of(value)
    raise TypeError, "no implicit conversion of #{value.class} into String" unless value.respond_to?(:to_str)

    value.to_str
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
  # The guest's environment is the request's, nothing else (see env_class).
  env = {}
  env_names.size.times { |i| env[env_names[i].to_s.freeze] = env_values[i].to_s.freeze }
  Object.send(:remove_const, :ENV)
  Object.const_set(:ENV, env_class.new(env))
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

# In a worker: calls execute(input) once with the guest's own JSON, as a CRuby harness would:
# [true, JSON text] when it returned a value JSON.generate takes, [true, nil] when JSON.generate
# refuses it (NaN, nesting past 100, a cycle, a failing to_json), [false, exit status, how it
# ended] when execute did not return. Input deeper than json's default nesting is the host's
# bound's business (it was checked before the run).
invoke_function_json = lambda do |path, input_json|
  path = path.to_s
  result =
    begin
      require 'json'
      input = input_json.nil? ? nil : JSON.parse(input_json.to_s, max_nesting: false)
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
  if result[0]
    result =
      begin
        [true, JSON.generate(result[1])]
      rescue SystemExit => e
        ended_by = e
        [false, e.status & 0xFF, 'exited']
      rescue StandardError, SystemStackError
        [true, nil]
      end
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
  lambda do |worker| # set once by the host: in a worker process's sandbox
    in_worker = worker == true
    # TruffleRuby takes the external encoding from the process's locale there, which the sandbox
    # may not hold (C.UTF-8 needs the locale files): UTF-8, as in-process and as under LANG=C.UTF-8
    Encoding.default_external = Encoding::UTF_8 if in_worker
    nil
  end,
  ->(file, definer, worker) { stand_ins["#{ruby_home}/#{file}"] = [definer, worker]; nil }, # a stand-in, for http.rb
  invoke_function_json,
  # a warm instance's next call of its function: that execution's bridge, environment and stdin
  lambda do |host, stdlib, path, env_names, env_values|
    ended_by = nil
    bind.call(host, stdlib, path.to_s, [], env_names, env_values, '')
    nil
  end
]
