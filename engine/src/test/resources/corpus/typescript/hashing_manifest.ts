// A file manifest: SHA-256 and MD5 of in-memory "files", an HMAC signature over the manifest.
import { createHash, createHmac } from 'crypto';
interface Entry { path: string; size: number; sha256: string; md5: string }
const files: Record<string, string | Uint8Array> = {
  'README.md': '# Project\n\nHello ✓\n',
  'src/main.ts': 'export const x: number = 1;\n',
  'assets/logo.bin': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]),
  'empty.txt': '',
};
const entries: Entry[] = Object.entries(files).sort(([a], [b]) => a.localeCompare(b)).map(([path, content]) => {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { path, size: data.length, sha256: createHash('sha256').update(data).digest('hex'), md5: createHash('md5').update(data).digest('base64') };
});
for (const e of entries) console.log(`${e.sha256.slice(0, 16)}  ${String(e.size).padStart(4)}  ${e.md5}  ${e.path}`);
const manifest = entries.map((e) => `${e.sha256}  ${e.path}`).join('\n') + '\n';
const signature = createHmac('sha256', 'release-key').update(manifest).digest('hex');
console.log('manifest sha1', createHash('sha1').update(manifest).digest('hex'));
console.log('signature', signature);
const verify = (m: string, sig: string): boolean => createHmac('sha256', 'release-key').update(m).digest('hex') === sig;
console.log(verify(manifest, signature), verify(manifest.replace('README', 'readme'), signature));
const streamed = createHash('sha512');
for (const chunk of ['a', 'b', 'c'].map((c) => c.repeat(1000))) streamed.update(chunk);
console.log(streamed.digest('hex').slice(0, 32), createHash('sha512').update('a'.repeat(1000) + 'b'.repeat(1000) + 'c'.repeat(1000)).digest('hex').slice(0, 32));
