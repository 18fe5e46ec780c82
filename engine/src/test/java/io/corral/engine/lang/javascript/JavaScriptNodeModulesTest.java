package io.corral.engine.lang.javascript;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Node's built-in modules beyond the prelude's own: loaded on first require (bundled npm packages
 * and Corral's files), hashes computed by the host, and the bounds they keep.
 */
class JavaScriptNodeModulesTest {

    private static ExecResult run(String code) {
        return run(ScriptRequest.newBuilder(Language.JAVASCRIPT, code));
    }

    private static ExecResult run(ScriptRequest.Builder request) {
        return TestEngine.shared().run(request.build()).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @Test
    void mustShowBufferCryptoAndPathOnOneLine() {
        ExecResult r = run("console.log(Buffer.from(\"hi\").toString(\"base64\"), require(\"crypto\").createHash(\"sha256\")"
                + ".update(\"a\").digest(\"hex\").slice(0,8), require(\"path\").join(\"/a/b\",\"../c\"))");
        assertEquals("aGk= ca978112 /a/c\n", r.stdout(), describe(r));
    }

    @Test
    void hashesAndHmacsMatchTheirPublishedTestVectors() {
        ExecResult r = run("""
                const c = require('node:crypto');
                console.log(c.createHash('md5').update('abc').digest('hex'));
                console.log(c.createHash('sha1').update('a').update('bc').digest('hex'));
                console.log(c.createHash('sha512').update(Buffer.from('abc')).digest('base64').slice(0, 12));
                console.log(c.createHmac('sha256', 'key').update('The quick brown fox jumps over the lazy dog').digest('hex'));
                console.log(c.createHmac('sha1', '').update('').digest('hex'));
                try { c.createHash('whirlpool'); } catch (e) { console.log(e.message); }
                """);
        assertEquals("""
                900150983cd24fb0d6963f7d28e17f72
                a9993e364706816aba3e25717850c26c9cd0d89d
                3a81oZNherrM
                f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8
                fbdb1d1b18aa6c08324b7d64b71fb76370690e1d
                Digest method not supported
                """, r.stdout(), describe(r));
    }

    @Test
    void webCryptoDigestResolvesWithTheHostsHash() {
        ExecResult r = run("crypto.subtle.digest('SHA-256', new TextEncoder().encode('abc'))"
                + ".then((b) => console.log(Buffer.from(b).toString('hex').slice(0, 16)))");
        assertEquals("ba7816bf8f01cfea\n", r.stdout(), describe(r));
    }

    @Test
    void modulesLoadOnlyWhenRequiredAndOncePerExecution() {
        ExecResult r = run("""
                const before = Object.getOwnPropertyDescriptor(globalThis, 'Buffer').get !== undefined;
                const a = require('zlib'), b = require('node:zlib');
                console.log(before, a === b, typeof Buffer.from, Object.getOwnPropertyDescriptor(globalThis, 'Buffer').get);
                """);
        assertEquals("true true function undefined\n", r.stdout(), describe(r));
    }

    @Test
    void unavailableModulesSayWhyAndUnknownOnesSayWhatIsThere() {
        ExecResult r = run("""
                for (const m of ['child_process', 'left-pad', './lib']) {
                  try { require(m); } catch (e) { console.log(e.code, e.message); }
                }
                """);
        assertEquals("""
                MODULE_NOT_FOUND Cannot find module 'child_process': the 'child_process' module is not available in this sandbox (no processes, sockets or host access)
                MODULE_NOT_FOUND Cannot find module 'left-pad': npm packages are not available here; only Node's built-in modules can be required
                MODULE_NOT_FOUND Cannot find module './lib': only built-in modules can be required here (your code is the single file /code/main.js)
                """, r.stdout(), describe(r));
    }

    /** Security case C18: a small guest-supplied zlib bomb stops at the output cap, not the host's heap. */
    @Test
    void zlibBombStopsAtTheDecompressionCap() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(packed, new Deflater(9))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros); // 64 MiB of zeros, about 64 KB compressed: 6.4 times the cap
            }
        }
        ExecResult r = run(ScriptRequest.newBuilder(Language.JAVASCRIPT, """
                const zlib = require('zlib');
                const bomb = Buffer.from(require('fs').readFileSync(0, 'utf8'), 'base64');
                try { zlib.inflateSync(bomb); console.log('inflated everything'); }
                catch (e) { console.log(bomb.length < 1e5, e.name, e.code, e.message); }
                """).stdin(Base64.getEncoder().encodeToString(packed.toByteArray()))
                .limits(Limits.newBuilder().executionTimeout(Duration.ofSeconds(120)).build()));
        assertEquals("true RangeError ERR_BUFFER_TOO_LARGE Cannot create a Buffer larger than 10485760 bytes\n",
                r.stdout(), describe(r));
    }

    @Test
    void zlibHonoursASmallerMaxOutputLengthAndRoundTrips() {
        ExecResult r = run("""
                const zlib = require('zlib');
                const text = 'abc'.repeat(1000);
                console.log(zlib.gunzipSync(zlib.gzipSync(text)).toString() === text, zlib.unzipSync(zlib.deflateSync(text)).length);
                try { zlib.gunzipSync(zlib.gzipSync(text), { maxOutputLength: 100 }); } catch (e) { console.log(e.code); }
                """);
        assertEquals("true 3000\nERR_BUFFER_TOO_LARGE\n", r.stdout(), describe(r));
    }

    @Test
    void legacyUrlQuerystringAndFileUrlsBehaveAsInNode() {
        ExecResult r = run("""
                const url = require('url');
                const u = url.parse('http://user:pw@host.com:8080/p/a?x=1&x=2#h', true);
                console.log(u.host, u.pathname, u.query, u.hash, url.format({ protocol: 'https', host: 'a.b', pathname: '/c', query: { q: 'x y' } }));
                console.log(require('querystring').stringify({ a: [1, 2], b: 'é' }), new URL('file:///tmp/x').pathname, url.fileURLToPath('file:///tmp/a%20b'));
                """);
        assertEquals("""
                host.com:8080 /p/a [Object: null prototype] { x: [ '1', '2' ] } #h https://a.b/c?q=x%20y
                a=1&a=2&b=%C3%A9 /tmp/x /tmp/a b
                """, r.stdout(), describe(r));
    }

    @Test
    void datesPrintTheUtcZoneAndTimesAPlainSpaceBeforeAmPm() {
        ExecResult r = run("""
                const d = new Date(Date.UTC(2024, 1, 29, 13, 5, 9));
                console.log(d.toString());
                console.log(JSON.stringify(d.toLocaleString('en-US')), JSON.stringify(new Intl.DateTimeFormat('en-US', { timeStyle: 'short' }).format(d)));
                console.log(Intl.DateTimeFormat().resolvedOptions().timeZone);
                """);
        assertEquals("""
                Thu Feb 29 2024 13:05:09 GMT+0000 (Coordinated Universal Time)
                "2/29/2024, 1:05:09 PM" "1:05 PM"
                UTC
                """, r.stdout(), describe(r));
    }

    @Test
    void consoleTableDrawsNodesBoxTable() {
        ExecResult r = run("console.table([{ a: 1, b: 'x' }, { a: 2, c: true }])");
        assertEquals("""
                ┌─────────┬───┬─────┬──────┐
                │ (index) │ a │ b   │ c    │
                ├─────────┼───┼─────┼──────┤
                │ 0       │ 1 │ 'x' │      │
                │ 1       │ 2 │     │ true │
                └─────────┴───┴─────┴──────┘
                """, r.stdout(), describe(r));
    }

    @Test
    void fsReadsBuffersAndStatsTheExecutionsFiles() {
        ExecResult r = run("""
                const fs = require('fs');
                fs.writeFileSync('/tmp/b.bin', Buffer.from([1, 2, 255]));
                const st = fs.statSync('/tmp/b.bin');
                console.log(fs.readFileSync('/tmp/b.bin'), st.size, st.isFile(), fs.existsSync('/tmp/b.bin'), fs.existsSync('/etc/passwd'));
                try { fs.statSync('/etc/passwd'); } catch (e) { console.log(e.code, e.errno); }
                """);
        assertEquals("<Buffer 01 02 ff> 3 true true false\nENOENT -2\n", r.stdout(), describe(r));
    }

    @Test
    void streamsAssertAndStringDecoderWork() {
        ExecResult r = run("""
                const { Readable, Transform } = require('stream');
                const assert = require('assert');
                const { StringDecoder } = require('string_decoder');
                const d = new StringDecoder('utf8');
                console.log(d.write(Buffer.from([0xe2, 0x82])) + d.end(Buffer.from([0xac])));
                try { assert.deepStrictEqual({ a: 1 }, { a: 2 }); } catch (e) { console.log(e.name, e.code); }
                const up = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
                const out = [];
                Readable.from(['a', 'b']).pipe(up).on('data', (c) => out.push(String(c))).on('end', () => console.log(out.join('')));
                """);
        assertEquals("€\nAssertionError ERR_ASSERTION\nAB\n", r.stdout(), describe(r));
    }

    @Test
    void nextTickRunsBeforeThePromiseJobsOfTheCodeThatQueuedIt() {
        ExecResult r = run("""
                const order = [];
                Promise.resolve().then(() => { order.push('promise'); process.nextTick(() => order.push('tick from promise')); })
                  .then(() => order.push('promise 2'));
                process.nextTick(() => order.push('tick'));
                setTimeout(() => {
                  setTimeout(() => { order.push('timeout'); console.log(order.join(', ')); }, 0);
                  setImmediate(() => order.push('immediate'));
                }, 1);
                """);
        assertEquals("tick, promise, promise 2, tick from promise, immediate, timeout\n", r.stdout(), describe(r));
    }

    @Test
    void aTimeLimitStillStopsALongDecompression() {
        ExecResult r = run(ScriptRequest.newBuilder(Language.JAVASCRIPT, """
                const zlib = require('zlib');
                console.log('started');
                for (;;) { zlib.gunzipSync(zlib.gzipSync(Buffer.alloc(1 << 20))); }
                """).limits(Limits.newBuilder().executionTimeout(Duration.ofMillis(1500)).build()));
        assertEquals(io.corral.api.Outcome.Kind.TIMED_OUT, r.outcome().kind(), describe(r));
        assertEquals(io.corral.api.Outcome.TIMED_OUT_STATUS, r.exitCode(), describe(r));
        assertTrue(r.stdout().startsWith("started"), describe(r));
    }
}
