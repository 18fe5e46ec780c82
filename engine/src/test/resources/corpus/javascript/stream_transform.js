// Streams: a Readable of records through a Transform into a Writable, pipeline and async iteration.
const { Readable, Writable, Transform, PassThrough, pipeline, finished } = require('stream');
const { pipeline: pipelineAsync } = require('stream/promises');
const records = [{ name: 'ann', score: 3 }, { name: 'bob', score: 9 }, { name: 'cid', score: 5 }];
class ToCsv extends Transform {
  constructor() { super({ writableObjectMode: true }); this.first = true; }
  _transform(rec, _enc, cb) {
    if (this.first) { this.push('name,score\n'); this.first = false; }
    cb(null, `${rec.name},${rec.score}\n`);
  }
  _flush(cb) { this.push('# end\n'); cb(); }
}
let out = '';
const sink = new Writable({ write(chunk, _enc, cb) { out += chunk.toString(); cb(); } });
pipeline(Readable.from(records), new ToCsv(), sink, (err) => {
  console.log('pipeline', err === undefined || err === null ? 'ok' : err.message);
  console.log(out);
  second();
});
async function second() {
  const upper = new Transform({ transform(c, e, cb) { cb(null, c.toString().toUpperCase()); } });
  const got = [];
  await pipelineAsync(Readable.from(['a', 'b', 'c']), upper, new Writable({ write(c, e, cb) { got.push(c.toString()); cb(); } }));
  console.log('async pipeline', got);
  const lines = [];
  for await (const chunk of Readable.from(['x\ny', '\nz'])) lines.push(chunk);
  console.log('iterated', lines.join('').split('\n'));
  const pt = new PassThrough();
  const collected = [];
  pt.on('data', (d) => collected.push(String(d)));
  finished(pt, (err) => console.log('finished', err || 'clean', collected));
  pt.write('one'); pt.end('two');
  const failing = new Readable({ read() { this.destroy(new Error('source broke')); } });
  pipeline(failing, new PassThrough(), (err) => console.log('failed pipeline:', err.message));
  const r = new Readable({ read() {} }); r.push('p'); r.push(null); r.setEncoding('utf8'); r.on('data', (d) => console.log('data', typeof d, d));
}
