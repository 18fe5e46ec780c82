let text = '';
for await (const chunk of process.stdin) {
  text += chunk;
}
const rl = require('readline').createInterface({ input: process.stdin });
const lines = [];
for await (const line of rl) {
  lines.push(line);
}
console.log(`iterated: ${JSON.stringify(text)} lines: ${JSON.stringify(lines)}`);
