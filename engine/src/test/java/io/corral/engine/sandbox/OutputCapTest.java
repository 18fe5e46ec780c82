package io.corral.engine.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputCapTest {

    @Test
    void keepsEverythingUnderTheCap() {
        OutputCap cap = new OutputCap(10);
        cap.write("hello".getBytes(StandardCharsets.UTF_8), 0, 5);
        assertEquals("hello", cap.text());
        assertFalse(cap.truncated());
    }

    @Test
    void keepsTheFirstBytesAndCountsTheRest() {
        OutputCap cap = new OutputCap(4);
        cap.write("abc".getBytes(StandardCharsets.UTF_8), 0, 3);
        cap.write("defgh".getBytes(StandardCharsets.UTF_8), 0, 5);
        cap.write('i');
        assertEquals("abcd", cap.text());
        assertTrue(cap.truncated());
        assertEquals(5, cap.droppedBytes());
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() {
        OutputCap cap = new OutputCap(100);
        cap.write(new byte[] {'a', (byte) 0xff, 'b'}, 0, 3);
        assertEquals("a\uFFFDb", cap.text());
    }
}
