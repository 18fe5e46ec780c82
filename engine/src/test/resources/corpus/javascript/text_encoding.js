// TextEncoder/TextDecoder, structuredClone, atob/btoa: the web globals Node has.
const enc = new TextEncoder();
const bytes = enc.encode('€ ✓ 𝄞');
console.log(bytes, bytes.length, enc.encoding);
console.log(new TextDecoder().decode(bytes), new TextDecoder('utf-8').decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])), new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).length);
console.log(new TextDecoder().decode(new Uint8Array([0xff, 0x41, 0xc3])), JSON.stringify(new TextDecoder().decode(new Uint8Array([0xe2, 0x82]))));
try { new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array([0xff])); } catch (e) { console.log(e.name, e.code); }
const dest = new Uint8Array(4); console.log(enc.encodeInto('héllo', dest), dest);
const original = { d: new Date(0), m: new Map([['k', [1, 2]]]), s: new Set([1]), re: /x/g, nested: { arr: [1, { deep: true }] }, u8: new Uint8Array([1, 2]) };
original.self = original;
const clone = structuredClone(original);
console.log(clone !== original, clone.self === clone, clone.d instanceof Date, clone.m.get('k'), clone.nested.arr[1] !== original.nested.arr[1], clone.u8);
try { structuredClone({ f() {} }); } catch (e) { console.log(e.name); }
console.log(btoa('hello'), atob('aGVsbG8='), btoa(String.fromCharCode(255, 0, 128)));
try { btoa('€'); } catch (e) { console.log(e.name); }
console.log(typeof performance.now(), performance.now() >= 0, typeof queueMicrotask, typeof setImmediate, typeof structuredClone);
