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
    private final OutputStream mirror;
    private long dropped;

    public OutputCap(long capBytes) {
        this(capBytes, null);
    }

    /**
     * @param mirror also receives every byte kept, as it is written (a worker streams its output to
     *               the host through it), or null
     */
    public OutputCap(long capBytes, OutputStream mirror) {
        this.capBytes = capBytes;
        this.mirror = mirror;
    }

    private void mirror(byte[] b, int off, int len) {
        if (mirror != null && len > 0) {
            try {
                mirror.write(b, off, len);
            } catch (java.io.IOException e) {
                // the host went away: it no longer reads this output
            }
        }
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < capBytes) {
            kept.write(b);
            mirror(new byte[] {(byte) b}, 0, 1);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        long room = capBytes - kept.size();
        int keep = (int) Math.max(0, Math.min(room, len));
        kept.write(b, off, keep);
        mirror(b, off, keep);
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
