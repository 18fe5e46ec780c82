package io.corral.engine.sandbox;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What a guest writes its output through: forwards to the execution's {@link OutputCap} until the
 * execution has ended, then ignores further writes. The context is closed in the background after
 * its execution (so the result does not wait for that), and a guest thread still running until then
 * must not change output that is already being read.
 */
public final class OutputGate extends OutputStream {

    private final OutputStream target;
    private boolean shut;

    public OutputGate(OutputStream target) {
        this.target = target;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (!shut) {
            target.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        if (!shut) {
            target.write(b, off, len);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (!shut) {
            target.flush();
        }
    }

    /** Ends the output: nothing written afterwards reaches the target. */
    public synchronized void shut() {
        shut = true;
    }
}
