# Corral's Ruby lockdown: evaluated first in every fresh context, before the prelude and before any
# guest code. It closes what TruffleRuby's own library lets Ruby code do to the host process: raise
# signals in it, replace its signal handlers, read its JVM properties and environment, write into
# its log, force its garbage collector, start inner contexts without this file.
#
# Each entry is removed from the core module that defines it (a Java core method is then gone for
# this context: nothing can bring it back), or replaced by an emulation that acts on this guest
# only. The inventory, and the routes into TruffleRuby's private primitives that no Ruby-level
# closure can hold (so in-process Ruby is for trusted code; see docs/security.md), are documented
# there; this file closes the public, ordinary routes.

# Signals. CRuby's trap/kill act on the real process; here "the process" is one guest, so handlers
# are kept per execution and never installed in the host, and no signal is ever sent anywhere.
signal_handlers = {}
signal_number = lambda do |signal|
  name = case signal
         when Integer then Signal.signame(signal) || raise(ArgumentError, "invalid signal number (#{signal})")
         when Symbol, String then signal.to_s.delete_prefix('SIG')
         else raise ArgumentError, "bad signal type #{signal.class}"
         end
  number = Signal.list[name] || raise(ArgumentError, "unsupported signal 'SIG#{name}'")
  raise ArgumentError, "can't trap reserved signal: SIG#{name}" if %w[SEGV BUS ILL FPE VTALRM].include?(name)
  number
end
trap_emulated = lambda do |signal, handler, block|
  number = signal_number.call(signal)
  handler ||= block
  handler = handler.to_s if handler.is_a?(Symbol)
  handler = 'DEFAULT' if handler == 'SIG_DFL'
  handler = 'IGNORE' if handler == 'SIG_IGN' || handler == ''
  previous = signal_handlers.fetch(number, 'DEFAULT')
  signal_handlers[number] = handler
  previous
end
Signal.singleton_class.send(:define_method, :trap) do |signal, handler = nil, &block|
  trap_emulated.call(signal, handler, block)
end
Kernel.send(:define_method, :trap) { |signal, handler = nil, &block| trap_emulated.call(signal, handler, block) }
Kernel.send(:private, :trap)
Kernel.singleton_class.send(:define_method, :trap) do |signal, handler = nil, &block|
  trap_emulated.call(signal, handler, block)
end

kill_refused = lambda do |signal, pids|
  raise ArgumentError, 'PID argument required' if pids.empty?
  signal_number.call(signal) unless signal.is_a?(Integer) && signal.zero?
  raise Errno::EPERM, 'signals cannot be sent in this sandbox'
end
Process.singleton_class.send(:define_method, :kill) { |signal, *pids| kill_refused.call(signal, pids) }
Process.send(:define_method, :kill) { |signal, *pids| kill_refused.call(signal, pids) }
Process.send(:private, :kill)

# The host JVM's properties, environment and allocation accounting (rbconfig.rb still reads
# Truffle::System.host_os/host_cpu, which only say "linux"/"x86_64").
{
  Truffle::System => %i[get_java_property get_java_properties initial_environment_variables
                        allocated_bytes_of_current_thread],
  Truffle::Graal => %i[total_compilation_time]
}.each do |mod, names|
  names.each do |name|
    mod.singleton_class.send(:undef_method, name) if mod.singleton_class.method_defined?(name) ||
                                                    mod.singleton_class.private_method_defined?(name)
  end
end

# Truffle::Debug is TruffleRuby's debugging toolbox: it throws host exceptions, hands out host
# objects and the frames of code that is not the guest's. Its log_* methods are kept as no-ops
# (the standard library's timeout.rb calls one); the host has Ruby's log level off anyway.
debug = Truffle::Debug.singleton_class
(debug.instance_methods(false) + debug.private_instance_methods(false)).each do |name|
  debug.send(:undef_method, name)
end
%i[log_warning log_info log_config].each { |name| debug.send(:define_method, name) { |*| nil } }

# GC.start would force a full collection of the host's whole heap, which every other execution
# pays for; a guest's own garbage is collected without it.
GC.singleton_class.send(:define_method, :start) { |**_| nil }
GC.send(:define_method, :garbage_collect) { |**_| nil }
ObjectSpace.singleton_class.send(:define_method, :garbage_collect) { |**_| nil }

# Fibers. Each TruffleRuby fiber runs on a Java platform thread of its own, from its first resume
# until it finishes or the context closes (a fiber left suspended, as an external enumerator often
# is, keeps its thread until then). Guest threads stay refused (single-threaded mode); fibers are
# bounded so that one execution cannot take the host's threads: more than FIBERS_ALIVE at once
# raises FiberError, as CRuby does when it cannot allocate a fiber's stack. In a worker process
# (native access on: TruffleRuby's platform-native option) the OS bounds the worker's threads
# (RLIMIT_NPROC, 256 with the JVM's own), so the bound is lower there: the guest meets FiberError,
# not the thread limit's NoMemoryError.
fibers_alive = Truffle::Boot.get_option('platform-native') ? 150 : 1000
fibers = []
Fiber.prepend(Module.new do
  define_method(:initialize) do |*args, **options, &block|
    fibers.select!(&:alive?) if fibers.size >= fibers_alive
    if fibers.size >= fibers_alive
      Kernel.raise FiberError, "can't create fiber: #{fibers_alive} fibers are alive in this execution " \
                        '(each holds a thread until it finishes)'
    end
    super(*args, **options, &block)
    fibers << self
  end
end)

# Processes. In-process, TruffleRuby cannot start one (no native access); in a worker process it
# could, through native posix_spawn, whatever the context's process permission says (inside the OS
# sandbox). Both refuse them here, with the same error.
refuse_process = lambda do |*|
  raise SecurityError, 'running processes is not allowed in this sandbox'
end
%i[` system spawn exec fork].each do |name|
  Kernel.send(:define_method, name, &refuse_process)
  Kernel.send(:private, name)
  Kernel.singleton_class.send(:define_method, name, &refuse_process)
end
%i[spawn exec fork daemon].each { |name| Process.singleton_class.send(:define_method, name, &refuse_process) }
IO.singleton_class.send(:define_method, :popen, &refuse_process)

# Inner contexts would be fresh TruffleRuby contexts without this file.
Polyglot.send(:remove_const, :InnerContext) if defined?(Polyglot::InnerContext)

nil
