package io.corral.engine.lang.php;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * Where a C string literal of a WebAssembly module sits in its linear memory, read from the
 * module's data section: the PHP build's segments are active segments at constant addresses
 * ({@code i32.const}), so a literal's address is the same in every instance.
 *
 * <pre>{@code
 * OptionalInt at = WasmStaticData.addressOf(wasm, "Fiber stack size is too small, it needs to be at least %zu bytes");
 * }</pre>
 */
final class WasmStaticData {

    private static final int DATA_SECTION = 11;
    private static final byte I32_CONST = 0x41;
    private static final byte END = 0x0b;

    private WasmStaticData() {
    }

    /**
     * The address of {@code text} followed by its NUL, when the module holds it exactly once in a
     * segment at a constant address; empty when it is absent, ambiguous or the module has another
     * layout (then nothing should be patched).
     */
    static OptionalInt addressOf(ByteBuffer module, String text) {
        byte[] needle = (text + '\0').getBytes(StandardCharsets.UTF_8);
        ByteBuffer m = module.duplicate();
        m.position(8); // magic and version
        while (m.hasRemaining()) {
            int id = m.get() & 0xff;
            int size = u32(m);
            int end = m.position() + size;
            if (id == DATA_SECTION) {
                return find(m, needle);
            }
            m.position(end);
        }
        return OptionalInt.empty();
    }

    private static OptionalInt find(ByteBuffer m, byte[] needle) {
        int count = u32(m);
        OptionalInt found = OptionalInt.empty();
        for (int i = 0; i < count; i++) {
            int flags = u32(m);
            Integer address = null;
            if (flags == 0 || flags == 2) {
                if (flags == 2) {
                    u32(m); // memory index
                }
                if (m.get() == I32_CONST) {
                    address = s32(m);
                    if (m.get() != END) {
                        return OptionalInt.empty();
                    }
                } else {
                    return OptionalInt.empty(); // an address computed at load time: not this layout
                }
            }
            int length = u32(m);
            int start = m.position();
            if (address != null) {
                for (int at = indexOf(m, start, start + length, needle); at >= 0;
                     at = indexOf(m, at + 1, start + length, needle)) {
                    boolean wholeString = at == start || m.get(at - 1) == 0;
                    if (wholeString) {
                        if (found.isPresent()) {
                            return OptionalInt.empty();
                        }
                        found = OptionalInt.of(address + (at - start));
                    }
                }
            }
            m.position(start + length);
        }
        return found;
    }

    private static int indexOf(ByteBuffer m, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (m.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int u32(ByteBuffer m) {
        int result = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = m.get();
            result |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    private static int s32(ByteBuffer m) {
        int result = 0;
        int shift = 0;
        byte b;
        do {
            b = m.get();
            result |= (b & 0x7f) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 32 && (b & 0x40) != 0) {
            result |= -1 << shift;
        }
        return result;
    }
}
