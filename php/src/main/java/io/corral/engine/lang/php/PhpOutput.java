package io.corral.engine.lang.php;

import io.corral.engine.lang.HostBridge;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * What PHP writes to stdout and stderr, as bytes: the runtime calls it with the file descriptor (1
 * or 2) and an {@code ArrayBuffer} holding one chunk, and the bytes reach the execution's streams
 * unchanged. PHP strings are bytes, so nothing is decoded on the way: a character split across two
 * chunks stays whole, and the host decodes the output once, as UTF-8, when it is read.
 *
 * <pre>{@code
 * runtime.invokeMember("bind", bridge, new PhpOutput(bridge), …);   // JS: output(1, chunk.slice().buffer)
 * }</pre>
 */
final class PhpOutput implements ProxyExecutable {

    /** The largest chunk the runtime hands over at once (Emscripten writes PHP's buffers through). */
    private static final long MAX_CHUNK = 64L * 1024 * 1024;

    private final HostBridge bridge;

    PhpOutput(HostBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public Object execute(Value... args) {
        if (args.length != 2 || !args[0].fitsInInt() || !args[1].hasBufferElements()
                || args[1].getBufferSize() > MAX_CHUNK) {
            throw new IllegalArgumentException("output(fd, arrayBuffer) expects 1 or 2 and a buffer");
        }
        byte[] bytes = new byte[(int) args[1].getBufferSize()];
        args[1].readBuffer(0, bytes, 0, bytes.length);
        bridge.write(args[0].asInt() == 2 ? 2 : 1, bytes);
        return null;
    }
}
