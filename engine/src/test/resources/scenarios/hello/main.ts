interface Greeting { text: string }
const greeting: Greeting = { text: "hello, world" };
console.log(greeting.text);
