package io.corral.engine.sandbox;

import java.io.IOException;
import java.io.InputStream;

/**
 * The stdin a context is built with: empty until an execution binds its own bytes, so the context
 * can exist before the request does.
 */
public final class SwitchableInput extends InputStream {

    private volatile InputStream source = InputStream.nullInputStream();

    public void bind(InputStream source) {
        this.source = source;
    }

    @Override
    public int read() throws IOException {
        return source.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return source.read(b, off, len);
    }

    @Override
    public int available() throws IOException {
        return source.available();
    }
}
