// EventEmitter patterns: subclasses, once, error events, listener bookkeeping, old-style inherit.
const EventEmitter = require('events');
const { once } = require('events');
const util = require('util');
class Job extends EventEmitter {
  run(steps) {
    this.emit('start', steps.length);
    for (const s of steps) { if (s < 0) { this.emit('error', new Error(`bad step ${s}`)); return; } this.emit('step', s); }
    this.emit('done');
  }
}
const job = new Job();
job.on('start', (n) => console.log('start', n)).on('step', (s) => console.log('step', s)).once('done', () => console.log('done'));
job.prependListener('step', () => console.log('(first)'));
job.on('error', (e) => console.log('error event:', e.message));
job.run([1, 2]); job.run([3, -1]); job.run([]);
console.log(job.listenerCount('step'), job.listenerCount('done'), job.eventNames(), job.getMaxListeners());
const handler = () => console.log('removable');
job.on('x', handler); job.emit('x'); job.off('x', handler); console.log(job.emit('x'), job.listeners('x'));
function Legacy() { EventEmitter.call(this); this.name = 'legacy'; }
util.inherits(Legacy, EventEmitter);
const l = new Legacy(); l.on('ping', function () { console.log('pong from', this.name); }); l.emit('ping');
const bare = new EventEmitter();
try { bare.emit('error', new Error('unhandled')); } catch (e) { console.log('thrown:', e.message); }
try { bare.emit('error', 'just a string'); } catch (e) { console.log('thrown:', e.code); }
bare.on('removeListener', (n) => console.log('removed listener for', n));
const f = () => {}; bare.on('a', f); bare.removeListener('a', f);
(async () => {
  setTimeout(() => bare.emit('ready', 1, 2), 1);
  console.log('once resolved', await once(bare, 'ready'));
})();
