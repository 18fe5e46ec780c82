package io.corral.engine.isolation;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One end of the channel between the host and a worker: a Unix socket carrying frames of
 * {@code [length: int32][type: byte][payload]} (length counts type and payload; big-endian). The
 * protocol ({@link #PROTOCOL}) is documented in docs/isolation.md.
 *
 * <p>Writes are serialized; reads come from one thread. A frame longer than the reader's bound, or
 * of a type it does not know, is a {@link ProtocolException}: the peer is broken or hostile and the
 * channel is given up.
 */
public final class WorkerChannel implements AutoCloseable {

    /** The protocol version both ends announce ({@code hello}); a mismatch ends the worker. */
    public static final int PROTOCOL = 1;

    /**
     * Frame types. Host to worker: RUN, CANCEL, HTTP_RESPONSE, QUIT. Worker to host: the rest; READY
     * follows each RESULT once the worker's next context is made.
     */
    public static final byte HELLO = 'H';
    public static final byte RUN = 'R';
    public static final byte CANCEL = 'C';
    public static final byte QUIT = 'Q';
    public static final byte STDOUT = 'O';
    public static final byte STDERR = 'E';
    public static final byte HTTP_REQUEST = 'h';
    public static final byte HTTP_RESPONSE = 'r';
    public static final byte RESULT = 'D';
    public static final byte HEARTBEAT = 'B';
    public static final byte READY = 'Y';

    /** A frame: its type and payload. */
    public record Frame(byte type, byte[] payload) {
    }

    /** The peer sent something the protocol does not allow. */
    public static final class ProtocolException extends IOException {
        public ProtocolException(String message) {
            super(message);
        }
    }

    private final SocketChannel socket;
    private final int maxFrameBytes;
    private final Object writeLock = new Object();

    /**
     * @param maxFrameBytes the longest frame this end accepts
     */
    public WorkerChannel(SocketChannel socket, int maxFrameBytes) {
        this.socket = socket;
        this.maxFrameBytes = maxFrameBytes;
    }

    public void send(byte type, byte[] payload) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(5);
        head.putInt(payload.length + 1).put(type).flip();
        ByteBuffer body = ByteBuffer.wrap(payload);
        synchronized (writeLock) {
            while (head.hasRemaining() || body.hasRemaining()) {
                socket.write(new ByteBuffer[] {head, body});
            }
        }
    }

    /** Blocks for the next frame; {@link EOFException} when the peer closed the channel. */
    public Frame read() throws IOException {
        ByteBuffer head = ByteBuffer.allocate(5);
        fill(head);
        head.flip();
        int length = head.getInt();
        byte type = head.get();
        if (length < 1 || length > maxFrameBytes) {
            throw new ProtocolException("a frame of " + length + " bytes (at most " + maxFrameBytes + " allowed)");
        }
        ByteBuffer body = ByteBuffer.allocate(length - 1);
        fill(body);
        return new Frame(type, body.array());
    }

    private void fill(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (socket.read(b) < 0) {
                throw new EOFException("the channel was closed");
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
