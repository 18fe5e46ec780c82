// TC39 decorators (TypeScript 5+ standard decorators): method logging, field defaults, class registry.
const registry: string[] = [];
function register<T extends new (...args: any[]) => object>(target: T, context: ClassDecoratorContext<T>): void {
  registry.push(String(context.name));
}
function logged<This, Args extends unknown[], R>(method: (this: This, ...args: Args) => R, context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => R>) {
  return function (this: This, ...args: Args): R {
    console.log(`-> ${String(context.name)}(${args.join(', ')})`);
    const result = method.call(this, ...args);
    console.log(`<- ${String(context.name)} = ${JSON.stringify(result)}`);
    return result;
  };
}
function clamp(min: number, max: number) {
  return function (_: undefined, context: ClassFieldDecoratorContext) {
    return (initial: number) => { console.log(`init ${String(context.name)} with ${initial}`); return Math.min(max, Math.max(min, initial)); };
  };
}
@register
class Thermostat {
  @clamp(10, 30) target = 45;
  @logged
  adjust(delta: number): number { this.target += delta; return this.target; }
  @logged
  describe(): string { return `target ${this.target}`; }
}
@register
class Other {}
const t = new Thermostat();
t.adjust(-5);
t.describe();
console.log(registry, new Other() instanceof Other, t);
