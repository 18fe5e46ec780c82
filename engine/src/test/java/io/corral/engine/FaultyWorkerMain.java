package io.corral.engine;

import io.corral.engine.isolation.WorkerChannel;

import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A worker that misbehaves on purpose, run by {@link WorkerFaultTest} in the real sandbox in place
 * of {@link WorkerMain}. The program text says how: {@code garbage} (a frame longer than the host
 * allows), {@code silent} (no heartbeat, no result), {@code exit} (the process ends mid-run); any
 * other program completes with {@code ok} on stdout. A worker started with {@code hello=N} announces
 * protocol N; {@code die-before-hello} ends before it connects.
 */
final class FaultyWorkerMain {

    public static void main(String[] args) throws Exception {
        String mode = System.getenv().getOrDefault("X", "") + (args.length > 3 ? args[3] : "");
        SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])));
        WorkerChannel channel = new WorkerChannel(socket, 1 << 26);
        channel.send(WorkerChannel.HELLO, ("{\"protocol\":" + WorkerChannel.PROTOCOL + "}").getBytes(StandardCharsets.UTF_8));
        java.util.concurrent.atomic.AtomicBoolean beating = new java.util.concurrent.atomic.AtomicBoolean(true);
        // heartbeats like a real worker's (a loaded machine may take seconds to answer), unless told to be silent
        Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try {
                    Thread.sleep(300);
                    if (beating.get()) {
                        channel.send(WorkerChannel.HEARTBEAT, new byte[0]);
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
        while (true) {
            WorkerChannel.Frame f = channel.read();
            if (f.type() != WorkerChannel.RUN) {
                continue;
            }
            String code = WorkerCodec.run(f.payload()).work().code();
            if (code.equals("silent")) {
                beating.set(false);
            }
            switch (code) {
                case "garbage" -> {
                    ByteBuffer b = ByteBuffer.allocate(5).putInt(Integer.MAX_VALUE).put((byte) 'O');
                    socket.write(b.flip());
                    Thread.sleep(60_000);
                }
                case "silent" -> Thread.sleep(600_000);
                case "exit" -> Runtime.getRuntime().halt(42);
                default -> {
                    channel.send(WorkerChannel.STDOUT, "ok\n".getBytes(StandardCharsets.UTF_8));
                    channel.send(WorkerChannel.RESULT, ("{\"outcome\":{\"kind\":\"COMPLETED\",\"exit_status\":0,"
                            + "\"notes\":[]},\"duration_ms\":1,\"started_at\":\"2026-01-01T00:00:00Z\"}")
                            .getBytes(StandardCharsets.UTF_8));
                    channel.send(WorkerChannel.READY, new byte[0]);
                }
            }
        }
    }
}
