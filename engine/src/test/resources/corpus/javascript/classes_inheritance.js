// Classes: inheritance, private fields, static members, getters, toString, and how they print.
class Shape {
  static #count = 0;
  static registry = [];
  #id;
  constructor(name) { this.name = name; this.#id = ++Shape.#count; Shape.registry.push(name); }
  get id() { return this.#id; }
  area() { return 0; }
  describe() { return `${this.constructor.name}#${this.id} ${this.name} area=${this.area().toFixed(2)}`; }
  toString() { return `[${this.name}]`; }
  static count() { return Shape.#count; }
}
class Circle extends Shape {
  constructor(r) { super('circle'); this.r = r; }
  area() { return Math.PI * this.r ** 2; }
}
class Rect extends Shape {
  constructor(w, h) { super('rect'); Object.assign(this, { w, h }); }
  area() { return this.w * this.h; }
  get square() { return this.w === this.h; }
}
class Square extends Rect { constructor(s) { super(s, s); this.name = 'square'; } }
const shapes = [new Circle(1), new Rect(2, 3), new Square(2)];
for (const s of shapes) console.log(s.describe(), s instanceof Rect, `${s}`, Object.keys(s));
console.log(shapes, Shape.count(), Shape.registry);
console.log(shapes[2].square, Object.getPrototypeOf(Square) === Rect, Square.name, typeof Shape, Circle.prototype.constructor === Circle);
console.log(shapes.map((s) => s.area()).map(Math.round), JSON.stringify(shapes));
class Temp { static { Temp.unit = 'C'; } #c = 0; set celsius(v) { this.#c = v; } get fahrenheit() { return this.#c * 9 / 5 + 32; } has(o) { return #c in o; } }
const t = new Temp(); t.celsius = 100; console.log(t.fahrenheit, Temp.unit, t.has(t), t.has({}), t);
class Stack { #items = []; push(x) { this.#items.push(x); return this; } pop() { return this.#items.pop(); } get size() { return this.#items.length; } [Symbol.iterator]() { return this.#items[Symbol.iterator](); } }
const st = new Stack().push(1).push(2).push(3); console.log([...st], st.pop(), st.size, st);
class Money { constructor(c) { this.cents = c; } [Symbol.toPrimitive](hint) { return hint === 'number' ? this.cents / 100 : `$${(this.cents / 100).toFixed(2)}`; } }
const m = new Money(1234); console.log(`${m}`, +m, m + '', m);
const anon = new (class { constructor() { this.x = 1; } })(); console.log(anon, class {}, class Named {}, Object.create(null));
try { Shape.prototype.area.call(null); new (class A { constructor() { throw new TypeError('bad'); } })(); } catch (e) { console.log(e instanceof TypeError, e.message); }
