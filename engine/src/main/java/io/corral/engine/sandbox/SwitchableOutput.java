package io.corral.engine.sandbox;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The output stream a context is built with. It writes nowhere until an execution binds its own
 * {@link OutputCap}, so a context can be created before the execution it will serve is known.
 */
public final class SwitchableOutput extends OutputStream {

    private volatile OutputStream target = OutputStream.nullOutputStream();

    public void bind(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        target.flush();
    }
}
