package io.corral.engine.lang.php;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WasmStaticDataTest {

    /** A module with a custom section and one data section holding the given segments. */
    private static ByteBuffer module(byte[]... segments) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        m.writeBytes(new byte[] {0, 3, 1, 'x', 9}); // a custom section to step over
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(segments.length);
        for (byte[] s : segments) {
            data.writeBytes(s);
        }
        m.write(11);
        m.write(data.size()); // < 128 in these tests
        m.writeBytes(data.toByteArray());
        return ByteBuffer.wrap(m.toByteArray()).asReadOnlyBuffer();
    }

    /** An active segment at {@code address} (a two-byte LEB128, 128 to 8191). */
    private static byte[] active(int address, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(new byte[] {0, 0x41, (byte) (0x80 | (address & 0x7f)), (byte) (address >> 7), 0x0b});
        s.write(bytes.length);
        s.writeBytes(bytes);
        return s.toByteArray();
    }

    @Test
    void findsAWholeLiteralAtItsSegmentsAddressPlusItsOffset() {
        ByteBuffer m = module(active(1000, "one\0two\0"), active(2000, "abc\0target text\0xyz\0"));
        assertEquals(OptionalInt.of(2004), WasmStaticData.addressOf(m, "target text"));
        assertEquals(OptionalInt.of(1000), WasmStaticData.addressOf(m, "one"));
    }

    @Test
    void aLiteralThatIsOnlyTheTailOfAnotherIsNotFound() {
        assertEquals(OptionalInt.empty(), WasmStaticData.addressOf(module(active(1000, "x, Unknown\0")), "Unknown"));
    }

    @Test
    void aLiteralPresentTwiceIsAmbiguousAndNotFound() {
        assertEquals(OptionalInt.empty(), WasmStaticData.addressOf(module(active(1000, "same\0"), active(2000, "same\0")),
                "same"));
    }

    @Test
    void aSegmentAtAnAddressComputedAtLoadTimeStopsTheSearch() {
        byte[] relocatable = {0, 0x23, 0, 0x0b, 5, 's', 'a', 'm', 'e', 0}; // global.get 0
        assertEquals(OptionalInt.empty(), WasmStaticData.addressOf(module(relocatable), "same"));
    }
}
