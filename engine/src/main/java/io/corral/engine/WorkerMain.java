package io.corral.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corral.api.Language;
import io.corral.api.wire.RizaJson;
import io.corral.engine.egress.HttpRelay;
import io.corral.engine.isolation.WorkerChannel;
import io.corral.api.HttpPolicy;
import io.corral.api.Limits;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.lang.LanguageOptions;
import io.corral.engine.sandbox.Watchdog;

import java.io.IOException;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A worker JVM's entry point (PROCESS isolation; started by the host's {@code WorkerPool} inside
 * the OS sandbox, never by hand): holds one language's GraalVM engine with a context created ahead
 * of time, runs one execution at a time through the same {@link GuestRunner} as the host, streams
 * the guest's output to the host, relays its HTTP calls to the host's gateway, and sends the
 * outcome. Arguments: the channel socket's path, the language, the size of a context's file system.
 */
final class WorkerMain {

    /** The longest frame a worker accepts: a run with its input files. */
    private static final int MAX_FRAME = 256 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final WorkerChannel channel;
    private final Watchdog watchdog = new Watchdog();
    private final AtomicReference<RunControl> current = new AtomicReference<>();
    private final Map<Long, CompletableFuture<byte[]>> httpCalls = new ConcurrentHashMap<>();
    private final AtomicLong httpIds = new AtomicLong();
    private final BlockingQueue<byte[]> runs = new LinkedBlockingQueue<>();

    private WorkerMain(WorkerChannel channel) {
        this.channel = channel;
    }

    public static void main(String[] args) throws Exception {
        SocketChannel socket = SocketChannel.open(UnixDomainSocketAddress.of(Path.of(args[0])));
        Language language = Language.parse(args[1]);
        long fileSystemBytes = Long.parseLong(args[2]);
        WorkerChannel channel = new WorkerChannel(socket, MAX_FRAME);
        WorkerMain worker = new WorkerMain(channel);
        // the host's execution threads have deep stacks (guest recursion ends as a guest error): so does this one
        Thread exec = new Thread(null, () -> {
            try {
                worker.serve(language, fileSystemBytes);
            } catch (Throwable t) {
                t.printStackTrace();
                Runtime.getRuntime().halt(70);
            }
        }, "corral-exec-worker", 16L * 1024 * 1024);
        exec.start();
        exec.join();
    }

    private void serve(Language language, long fileSystemBytes) throws Exception {
        GuestLanguage runtime = Languages.create(language, new LanguageOptions(Optional.empty(), fileSystemBytes, true));
        runtime.keepWarm(1);
        runtime.warmUp();
        awaitWarmContext(runtime);
        warmUpRun(runtime, language);
        // memory_size is the worker's heap bound here (the pool sizes -Xmx from it), not the in-process guard
        GuestRunner runner = new GuestRunner(watchdog, null,
                (binding, remaining) -> HttpRelay.worker(this::exchange),
                stderr -> new FrameOutput(stderr ? WorkerChannel.STDERR : WorkerChannel.STDOUT));
        Thread reader = new Thread(this::read, "corral-worker-channel");
        reader.setDaemon(true);
        reader.start();
        ObjectNode hello = RizaJson.mapper().createObjectNode();
        hello.put("protocol", WorkerChannel.PROTOCOL);
        hello.put("language", language.wireName());
        hello.put("pid", ProcessHandle.current().pid());
        channel.send(WorkerChannel.HELLO, WorkerCodec.bytes(hello));
        while (true) {
            byte[] payload = runs.take();
            WorkerCodec.Run run = WorkerCodec.run(payload);
            RunControl control = new RunControl(watchdog);
            control.start();
            current.set(control);
            ScheduledFuture<?> beat = watchdog.scheduleAtFixedRate(Duration.ofSeconds(1), this::heartbeat);
            GuestRunner.RunResult result;
            try {
                result = runner.run(runtime, run.binding(), run.limits(), control, run.work());
            } finally {
                beat.cancel(false);
                current.set(null);
            }
            channel.send(WorkerChannel.RESULT, WorkerCodec.result(result));
            // the used context closes and its replacement is made after the result went out; the next
            // run waits for that replacement rather than racing it for the CPU with a context of its own
            control.finished();
            awaitWarmContext(runtime);
            channel.send(WorkerChannel.READY, new byte[0]);
        }
    }

    /**
     * One trivial program run to its end before the worker says hello, in a context of its own that
     * closes after it (the next, fresh one is awaited): the execution path's first run (the run
     * frame, the prelude's entry, output, the language's printing and exit) is slow in a new JVM, and
     * the engine's code it leaves behind serves the context of the host's execution. Its output goes
     * nowhere; nothing of its context reaches the next one (each context is its own, as in a pool).
     * A Ruby worker serves one execution: this halves its latency (docs/performance.md).
     */
    private void warmUpRun(GuestLanguage runtime, Language language) throws InterruptedException {
        String code = switch (language) {
            case PYTHON -> "import sys\nprint(len(sys.argv) + 1)";
            case JAVASCRIPT, TYPESCRIPT -> "console.log(process.argv.length + 1)";
            case RUBY -> "puts ARGV.size + 1";
            case PHP -> "<?php echo count($argv) + 1, \"\\n\";";
        };
        GuestRunner quiet = new GuestRunner(watchdog, null, (binding, remaining) -> HttpRelay.worker(this::exchange),
                null);
        RunControl control = new RunControl(watchdog);
        control.start();
        try {
            quiet.run(runtime, new ExecutionBinding(GuestRunner.scriptPath(language), java.util.List.of(), Map.of(), "",
                    java.util.List.of(), HttpPolicy.DENY_ALL), Limits.newBuilder().executionTimeout(Duration.ofSeconds(60)).memorySizeMib(128)
                    .stdoutCapBytes(4096L).stderrCapBytes(4096L).build(), control,
                    GuestRunner.Work.script(code));
        } finally {
            control.finished();
        }
        awaitWarmContext(runtime);
    }

    private static void awaitWarmContext(GuestLanguage runtime) throws InterruptedException {
        long until = System.nanoTime() + 60_000_000_000L;
        while (runtime.warmContextsReady() == 0 && System.nanoTime() < until) {
            Thread.sleep(2);
        }
    }

    /** The channel's reader: runs are queued for the main thread; the rest is handled here. */
    private void read() {
        try {
            while (true) {
                WorkerChannel.Frame f = channel.read();
                switch (f.type()) {
                    case WorkerChannel.RUN -> runs.add(f.payload());
                    case WorkerChannel.CANCEL -> {
                        RunControl c = current.get();
                        if (c != null) {
                            c.cancel();
                        }
                    }
                    case WorkerChannel.HTTP_RESPONSE -> {
                        ByteBuffer b = ByteBuffer.wrap(f.payload());
                        CompletableFuture<byte[]> call = httpCalls.remove(b.getLong());
                        if (call != null) {
                            call.complete(Arrays.copyOfRange(f.payload(), 8, f.payload().length));
                        }
                    }
                    case WorkerChannel.QUIT -> Runtime.getRuntime().halt(0);
                    default -> throw new WorkerChannel.ProtocolException("unknown frame type " + f.type());
                }
            }
        } catch (IOException | RuntimeException e) {
            // the host went away or broke the protocol: nothing is left to serve
            Runtime.getRuntime().halt(0);
        }
    }

    private void heartbeat() {
        try {
            channel.send(WorkerChannel.HEARTBEAT, new byte[0]);
        } catch (IOException e) {
            // the reader notices a closed channel
        }
    }

    /** One guest HTTP call, answered by the host's gateway. */
    private byte[] exchange(byte[] request) throws IOException {
        long id = httpIds.incrementAndGet();
        CompletableFuture<byte[]> answer = new CompletableFuture<>();
        httpCalls.put(id, answer);
        byte[] frame = ByteBuffer.allocate(8 + request.length).putLong(id).put(request).array();
        channel.send(WorkerChannel.HTTP_REQUEST, frame);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            httpCalls.remove(id);
        }
    }

    /** The guest's kept output, sent to the host in chunks as it is written. */
    private final class FrameOutput extends OutputStream {
        private final byte type;

        FrameOutput(byte type) {
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int at = off; at < off + len; at += CHUNK) {
                channel.send(type, Arrays.copyOfRange(b, at, Math.min(off + len, at + CHUNK)));
            }
        }
    }
}
