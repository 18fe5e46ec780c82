// Classes with access modifiers, parameter properties, abstract members, interfaces, statics.
interface Account { readonly id: string; balance(): number }
abstract class Base implements Account {
  private static nextId = 1;
  readonly id: string;
  protected history: number[] = [];
  constructor(protected owner: string) { this.id = `${this.prefix()}-${Base.nextId++}`; }
  protected abstract prefix(): string;
  balance(): number { return this.history.reduce((a, b) => a + b, 0); }
  deposit(amount: number): this { if (amount <= 0) throw new RangeError(`invalid amount ${amount}`); this.history.push(amount); return this; }
  toString(): string { return `${this.id} (${this.owner}): ${this.balance().toFixed(2)}`; }
}
class Checking extends Base {
  protected prefix() { return 'CHK'; }
  withdraw(amount: number): this {
    if (amount > this.balance() + this.overdraft) throw new Error(`insufficient funds in ${this.id}`);
    this.history.push(-amount); return this;
  }
  constructor(owner: string, private overdraft = 0) { super(owner); }
}
class Savings extends Base {
  static readonly rate = 0.02;
  protected prefix() { return 'SAV'; }
  addInterest(): this { return this.deposit(Math.round(this.balance() * Savings.rate * 100) / 100); }
}
const accounts: Account[] = [new Checking('ann', 50).deposit(100).withdraw(120), new Savings('bob').deposit(1000).addInterest()];
for (const a of accounts) console.log(String(a), a instanceof Base, a.constructor.name);
console.log(accounts);
try { (accounts[0] as Checking).withdraw(1000); } catch (e) { console.log((e as Error).message); }
try { new Savings('x').deposit(-5); } catch (e) { console.log(e instanceof RangeError, (e as Error).message); }
class Point { constructor(public x: number, public y: number) {} get length(): number { return Math.hypot(this.x, this.y); } static origin = new Point(0, 0); }
console.log(new Point(3, 4).length, Point.origin, JSON.stringify(new Point(1, 2)), Object.keys(new Point(5, 6)));
