# Logging with Logger to stdout (custom formatter, no clock), Forwardable and SimpleDelegator.
require 'logger'
require 'forwardable'
require 'delegate'
require 'stringio'

log = Logger.new($stdout, progname: 'job')
log.formatter = proc { |severity, _time, progname, msg| "#{severity[0]} [#{progname}] #{msg}\n" }
log.level = Logger::INFO
log.debug('hidden')
log.info('starting')
log.warn { 'lazy message' }
log.error(ArgumentError.new('bad input'))
log.add(Logger::FATAL, 'fatal via add')
p log.info?, log.debug?, log.level, Logger::Severity.constants.sort

buffer = StringIO.new
mem = Logger.new(buffer, level: :warn, formatter: ->(sev, _t, _p, m) { "#{sev}: #{m}|" })
mem.info('no')
mem.warn('yes')
mem.unknown('any')
p buffer.string

class Queue2
  extend Forwardable
  def_delegators :@items, :size, :first, :empty?, :each
  def_delegator :@items, :push, :enqueue
  def_delegator :@items, :shift, :dequeue
  include Enumerable

  def initialize = @items = []
end
q = Queue2.new
q.enqueue(3)
q.enqueue(1)
q.enqueue(2)
p q.size, q.first, q.dequeue, q.map { |x| x * 10 }, q.sort, q.empty?, q.respond_to?(:push)

class Audited < SimpleDelegator
  attr_reader :calls

  def initialize(obj)
    super
    @calls = []
  end

  def method_missing(name, *args, &block)
    @calls << name
    super
  end

  def respond_to_missing?(name, include_private = false) = super
end
a = Audited.new([5, 3, 9])
p a.max, a.sort, a.size, a.calls, a.__getobj__.class, a.is_a?(Array), a == [5, 3, 9], a.respond_to?(:each)
