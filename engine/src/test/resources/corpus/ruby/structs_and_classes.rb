# Value objects and small class hierarchies: Struct, Comparable, modules, method_missing.
Point = Struct.new(:x, :y) do
  def +(other) = Point.new(x + other.x, y + other.y)
  def distance_to(other) = Math.sqrt((x - other.x)**2 + (y - other.y)**2)
  def to_s = "(#{x}, #{y})"
end
Item = Struct.new(:name, :price, :qty, keyword_init: true)

a = Point.new(1, 2)
b = Point.new(4, 6)
p a, a + b, a == Point.new(1, 2), a.eql?(Point.new(1, 2)), a.to_a, a.to_h, b.distance_to(a), Point.members
puts a, "point #{b}", [a, b].map(&:to_s).join(' -> ')
x, y = *b
p x, y, a.hash == Point.new(1, 2).hash, { a => 'first' }[Point.new(1, 2)]
item = Item.new(name: 'pen', price: 1.5, qty: 4)
p item, item.price * item.qty, item.to_h.keys, (Item.new(foo: 1) rescue $!.class)
item.qty += 1
p item.qty, item.values, item.each_pair.to_a.first, Item.new(name: 'x') == Item.new(name: 'x')

module Describable
  def describe = "#{self.class.name.downcase}: #{summary}"
  def self.included(base) = base.extend(ClassMethods)

  module ClassMethods
    def kind = name.upcase
  end
end

class Shape
  include Comparable
  include Describable
  attr_reader :name

  def initialize(name) = @name = name
  def <=>(other) = area <=> other.area
  def summary = format('%s with area %.2f', name, area)
  def inspect = "#<#{self.class.name} #{name} #{area.round(2)}>"
end

class Circle < Shape
  def initialize(r)
    super('circle')
    @r = r
  end

  def area = Math::PI * @r**2
end

class Rect < Shape
  def initialize(w, h)
    super('rect')
    @w, @h = w, h
  end

  def area = @w * @h
end

shapes = [Rect.new(2, 3), Circle.new(1), Rect.new(1, 1), Circle.new(2)]
p shapes.sort, shapes.max, shapes.min_by(&:area), shapes.sort.map(&:name), Rect.new(2, 2).between?(Circle.new(1), Circle.new(2))
puts shapes.map(&:describe), Circle.kind, Circle.ancestors.take(4).inspect, Circle.superclass, Circle.instance_methods(false).sort.inspect
p Rect.new(1, 2).is_a?(Shape), Circle.new(1).respond_to?(:area), Shape.new('x').respond_to?(:area), Circle.include?(Comparable), Circle < Shape

class Config
  def initialize(values) = @values = values

  def method_missing(name, *args)
    key = name.to_s
    if key.end_with?('?')
      !!@values[key.chomp('?')]
    elsif @values.key?(key)
      @values[key]
    else
      super
    end
  end

  def respond_to_missing?(name, include_private = false) = @values.key?(name.to_s.chomp('?')) || super
end

c = Config.new('host' => 'example.com', 'debug' => false)
p c.host, c.debug?, c.respond_to?(:host), c.respond_to?(:port)
begin
  c.port
rescue NoMethodError => e
  p e.class, e.name
end
klass = Class.new { define_method(:hello) { |who = 'world'| "hello #{who}" } }
p klass.new.hello, klass.new.hello('you'), klass.name, klass.instance_method(:hello).arity
frozen = 'text'.freeze
p frozen.frozen?, (begin; frozen << 'x'; rescue FrozenError => e; e.class; end), a.frozen?, Point.new(1, 2).freeze.frozen?
p Shape.instance_method(:summary).owner, Circle.method_defined?(:describe), Circle.new(1).public_send(:area).round(3), Comparable.instance_method(:clamp).name
