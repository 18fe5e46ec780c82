import type { Shape } from "./shapes";

enum Color { Red = 1, Green, Blue }

namespace Geometry {
  export function area(w: number, h: number): number {
    return w * h;
  }
}

function identity<T>(value: T): T {
  return value;
}

function logged(method: any, context: ClassMethodDecoratorContext) {
  return function (this: any, ...args: any[]) {
    console.log("calling " + String(context.name));
    return method.apply(this, args);
  };
}

class Calculator {
  @logged
  add(a: number, b: number): number {
    return a + b;
  }
}

const unused: Shape | undefined = undefined;
console.log(Color.Green, Color[3]);
console.log(Geometry.area(6, 7));
console.log(identity<string>("generic"));
console.log(new Calculator().add(2, 3));
