package io.corral.engine.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A guest output stream that keeps at most {@code capBytes} bytes and counts what it dropped, so
 * a flood of output never grows the host heap past the cap.
 */
public final class OutputCap extends OutputStream {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long capBytes;
    private long dropped;

    public OutputCap(long capBytes) {
        this.capBytes = capBytes;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < capBytes) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        long room = capBytes - kept.size();
        int keep = (int) Math.max(0, Math.min(room, len));
        kept.write(b, off, keep);
        dropped += len - keep;
    }

    /** Counts output that was cut before it reached this stream (an over-long error message). */
    public synchronized void countDropped(long bytes) {
        dropped += Math.max(0, bytes);
    }

    public synchronized boolean truncated() {
        return dropped > 0;
    }

    public long capBytes() {
        return capBytes;
    }

    public synchronized long droppedBytes() {
        return dropped;
    }

    /** What was kept, decoded as UTF-8 (invalid sequences become U+FFFD). */
    public synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
