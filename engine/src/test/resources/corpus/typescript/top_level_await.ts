// Top-level await: Corral runs such a file as a module, as Node (20.19+, 22) detects module syntax
// in a file that does not parse as CommonJS.
interface Reading { sensor: string; value: number }
const fetchReading = (sensor: string): Promise<Reading> => new Promise((r) => setTimeout(() => r({ sensor, value: sensor.length * 1.5 }), 2));
const readings: Reading[] = await Promise.all(['temp', 'humidity'].map(fetchReading));
console.log(readings);
