package io.corral.engine;

import io.corral.engine.isolation.WorkerChannel;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A worker that starts processes inside the real sandbox, run by {@link ProcessBoundTest} in place
 * of {@link WorkerMain} (guest languages refuse to start processes, so the bound under them is
 * tested with a real shell). Programs:
 * <ul>
 * <li>{@code bound}: reports its user and {@code RLIMIT_NPROC}, then a shell starts processes that
 * stay alive until one is refused; prints how many started and what the shell said.</li>
 * <li>{@code bomb}: the classic fork bomb {@code f(){ f | f & }; f} in {@code /bin/sh}, only after
 * checking that it runs as a user other than root under a finite {@code RLIMIT_NPROC}
 * ({@code unbounded: ...} otherwise, and nothing runs); it keeps running until the execution is
 * cancelled, when this worker exits and its pid namespace, the bomb in it, ends.</li>
 * </ul>
 */
final class ForkBombWorkerMain {

    public static void main(String[] args) throws Exception {
        SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])));
        WorkerChannel channel = new WorkerChannel(socket, 1 << 26);
        channel.send(WorkerChannel.HELLO, ("{\"protocol\":" + WorkerChannel.PROTOCOL + "}").getBytes(StandardCharsets.UTF_8));
        while (true) {
            WorkerChannel.Frame f = channel.read();
            if (f.type() == WorkerChannel.CANCEL || f.type() == WorkerChannel.QUIT) {
                // ends the sandbox's pid namespace and everything still running in it
                Runtime.getRuntime().halt(0);
            }
            if (f.type() != WorkerChannel.RUN) {
                continue;
            }
            String code = WorkerCodec.run(f.payload()).work().code();
            String limits = "uid " + status("Uid:") + ", max processes " + limit("Max processes") + "\n";
            channel.send(WorkerChannel.STDOUT, limits.getBytes(StandardCharsets.UTF_8));
            switch (code) {
                case "bound" -> {
                    // each subshell waits on the script's stdin (held open by this worker) until refused
                    Path err = Files.createTempFile("sh", ".err");
                    Process sh = new ProcessBuilder("/bin/sh", "-c",
                            "exec 3<&0; n=0; while [ $n -lt 5000 ]; do ( read x <&3 ) >/dev/null 2>&1 & n=$((n + 1)); echo $n; done")
                            .redirectError(err.toFile()).start();
                    String last = "0";
                    try (var lines = sh.inputReader().lines()) {
                        for (String l : (Iterable<String>) lines::iterator) {
                            last = l;
                        }
                    }
                    sh.waitFor(60, TimeUnit.SECONDS);
                    String said = Files.readString(err).strip();
                    sh.outputWriter().close();
                    channel.send(WorkerChannel.STDOUT, ("started " + last + "\nshell said: " + said + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    completed(channel);
                }
                case "bomb" -> {
                    String uid = status("Uid:").split("\\s+")[0];
                    String max = limit("Max processes");
                    if (uid.equals("0") || max.startsWith("unlimited")) {
                        channel.send(WorkerChannel.STDOUT, ("unbounded: uid " + uid + ", max processes " + max + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                        completed(channel);
                        continue;
                    }
                    new ProcessBuilder("/bin/sh", "-c", "f(){ f | f & }; f")
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    channel.send(WorkerChannel.STDOUT, "bombing\n".getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                    channel.send(WorkerChannel.STDOUT, "ok\n".getBytes(StandardCharsets.UTF_8));
                    completed(channel);
                }
            }
        }
    }

    private static void completed(WorkerChannel channel) throws IOException {
        channel.send(WorkerChannel.RESULT, ("{\"outcome\":{\"kind\":\"COMPLETED\",\"exit_status\":0,"
                + "\"notes\":[]},\"duration_ms\":1,\"started_at\":\"2026-01-01T00:00:00Z\"}")
                .getBytes(StandardCharsets.UTF_8));
        channel.send(WorkerChannel.READY, new byte[0]);
    }

    private static String status(String field) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith(field)).map(l -> l.substring(field.length()).strip())
                    .findFirst().orElse("?");
        }
    }

    /** The soft limit's column of {@code /proc/self/limits}. */
    private static String limit(String name) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/limits"))) {
            return lines.filter(l -> l.startsWith(name)).map(l -> l.substring(name.length()).strip().split("\\s+")[0])
                    .findFirst().orElse("?");
        }
    }
}
