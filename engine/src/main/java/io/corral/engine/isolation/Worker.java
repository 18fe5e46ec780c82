package io.corral.engine.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.wire.RizaJson;
import io.corral.engine.sandbox.LogText;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The host's handle on one worker JVM: its process (bwrap and everything inside), its channel, and
 * what happened to it. Serves one execution at a time ({@link #execute}); any fault (the process
 * ended, a malformed frame, no heartbeat, a host deadline) ends the worker, and the pool replaces
 * it.
 */
public final class Worker {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());
    /** The longest frame the host accepts from a worker (output arrives in 64 KiB chunks). */
    private static final int MAX_FRAME = 64 * 1024 * 1024;
    /** The JVM's line when {@code -XX:+ExitOnOutOfMemoryError} ends it. */
    private static final String OOM_MARKER = "Terminating due to java.lang.OutOfMemoryError";

    /** What the host does with an execution's traffic while it runs. */
    public interface Session {
        void stdout(byte[] bytes);

        void stderr(byte[] bytes);

        /** Answers one relayed HTTP call (runs it through the execution's gateway). */
        byte[] http(byte[] request) throws IOException;
    }

    /** How one execution on a worker ended, as far as the host can tell. */
    public sealed interface Reply {
    }

    /** The worker's result frame. */
    public record Finished(byte[] payload) implements Reply {
    }

    /** The worker process ended during the execution. */
    public record Died(int exitStatus, boolean outOfMemory) implements Reply {
    }

    /** The worker broke the protocol or stopped answering; it was ended. */
    public record Failed(String why) implements Reply {
    }

    /** The host's own deadline passed and the worker was ended. */
    public record DeadlinePassed() implements Reply {
    }

    private final String name;
    private final Process process;
    private final WorkerChannel channel;
    private final Path folder;
    private final AtomicBoolean outOfMemory;
    private Thread log;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String endReason;
    private volatile int uses;

    private Worker(String name, Process process, WorkerChannel channel, Path folder, AtomicBoolean outOfMemory) {
        this.name = name;
        this.process = process;
        this.channel = channel;
        this.folder = folder;
        this.outOfMemory = outOfMemory;
    }

    /**
     * Starts a worker and waits for its hello (JVM start, the language's engine and a first context).
     *
     * @param jvm the worker JVM's command; {@code {channel}} is replaced by the socket's path in the sandbox
     */
    static Worker start(String name, WorkerSandbox sandbox, java.util.Set<Path> readOnly, Path base, int uid,
                        long addressSpace, List<String> jvm, Duration startTimeout) throws IOException {
        Path folder = Files.createTempDirectory(base, name + "-");
        Path socketPath = folder.resolve("channel.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Process process = null;
        try {
            server.bind(UnixDomainSocketAddress.of(socketPath));
            if (sandbox.separateUsers()) {
                // only the worker's own user may connect
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
                chown(folder, uid);
                chown(socketPath, uid);
            }
            List<String> command = new ArrayList<>();
            for (String a : jvm) {
                command.add(a.replace("{channel}", WorkerSandbox.CHANNEL_FOLDER + "/channel.sock"));
            }
            ProcessBuilder pb = new ProcessBuilder(sandbox.command(readOnly, folder, uid, addressSpace, command))
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().clear();
            process = pb.start();
            AtomicBoolean oom = new AtomicBoolean();
            Thread log = drain(name, process.getInputStream(), oom);
            server.configureBlocking(false);
            long until = System.nanoTime() + startTimeout.toNanos();
            SocketChannel socket = null;
            while (socket == null) {
                socket = server.accept();
                if (socket == null) {
                    if (!process.isAlive()) {
                        throw new IOException("the worker process exited with status " + process.exitValue()
                                + " before it connected (see the host's log)");
                    }
                    if (System.nanoTime() > until) {
                        throw new IOException("the worker did not connect within " + startTimeout.toSeconds() + " s");
                    }
                    sleep(10);
                }
            }
            socket.configureBlocking(true);
            WorkerChannel channel = new WorkerChannel(socket, MAX_FRAME);
            Worker w = new Worker(name, process, channel, folder, oom);
            w.log = log;
            Process p = process;
            // the hello comes once the language and its first context are ready: seconds on a cold JVM
            Thread timer = Thread.ofPlatform().daemon().name("corral-worker-start").start(() -> {
                long left = until - System.nanoTime();
                try {
                    if (!p.waitFor(Math.max(1, left), TimeUnit.NANOSECONDS)) {
                        channel.close();
                    }
                } catch (InterruptedException e) {
                    // started in time
                }
            });
            try {
                WorkerChannel.Frame hello = channel.read();
                if (hello.type() != WorkerChannel.HELLO) {
                    throw new WorkerChannel.ProtocolException("expected hello, got frame type " + hello.type());
                }
                JsonNode h = RizaJson.mapper().readTree(hello.payload());
                if (h.path("protocol").asInt() != WorkerChannel.PROTOCOL) {
                    throw new WorkerChannel.ProtocolException("protocol " + h.path("protocol") + ", expected "
                            + WorkerChannel.PROTOCOL);
                }
            } catch (IOException e) {
                String why = process.isAlive() ? e.getMessage() : "the worker process exited with status "
                        + waitExit(process) + " while starting (see the host's log)";
                throw new IOException(why, e);
            } finally {
                timer.interrupt();
            }
            return w;
        } catch (IOException | RuntimeException e) {
            if (process != null) {
                kill(process);
            }
            deleteQuietly(folder);
            throw e;
        } finally {
            server.close();
            Files.deleteIfExists(socketPath);
        }
    }

    public String name() {
        return name;
    }

    public int uses() {
        return uses;
    }

    public boolean usable() {
        return !ended.get() && process.isAlive();
    }

    /** Why this worker ended, if it did. */
    public String endReason() {
        return endReason;
    }

    /**
     * Runs one execution: sends the run frame, serves the worker's output and HTTP calls, and
     * returns once the result arrives or the worker fails. Ends the worker when {@code deadline}
     * passes, or when no frame arrived for {@code silence} (a worker sends heartbeats while it runs).
     */
    public Reply execute(byte[] run, Session session, Duration deadline, Duration silence,
                         java.util.concurrent.ScheduledExecutorService timer) {
        uses++;
        long[] lastFrame = {System.nanoTime()};
        boolean[] inHostCall = {false};
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        String[] silent = {null};
        long start = System.nanoTime();
        var check = timer.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            if (now - start > deadline.toNanos()) {
                deadlinePassed.set(true);
                end("the execution's deadline passed");
            } else if (!inHostCall[0] && now - lastFrame[0] > silence.toNanos()) {
                silent[0] = "the worker stopped answering (no heartbeat for " + silence.toSeconds() + " s)";
                end(silent[0]);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        try {
            channel.send(WorkerChannel.RUN, run);
            while (true) {
                WorkerChannel.Frame f = channel.read();
                lastFrame[0] = System.nanoTime();
                switch (f.type()) {
                    case WorkerChannel.STDOUT -> session.stdout(f.payload());
                    case WorkerChannel.STDERR -> session.stderr(f.payload());
                    case WorkerChannel.HEARTBEAT -> { }
                    case WorkerChannel.HTTP_REQUEST -> {
                        if (f.payload().length < 8) {
                            throw new WorkerChannel.ProtocolException("a short http_request frame");
                        }
                        long id = ByteBuffer.wrap(f.payload()).getLong();
                        inHostCall[0] = true;
                        byte[] answer;
                        try {
                            answer = session.http(java.util.Arrays.copyOfRange(f.payload(), 8, f.payload().length));
                        } finally {
                            inHostCall[0] = false;
                            lastFrame[0] = System.nanoTime();
                        }
                        channel.send(WorkerChannel.HTTP_RESPONSE,
                                ByteBuffer.allocate(8 + answer.length).putLong(id).put(answer).array());
                    }
                    case WorkerChannel.RESULT -> {
                        return new Finished(f.payload());
                    }
                    default -> throw new WorkerChannel.ProtocolException("unknown frame type " + f.type());
                }
            }
        } catch (WorkerChannel.ProtocolException e) {
            end("protocol error: " + e.getMessage());
            return new Failed("the worker sent a malformed message (" + e.getMessage() + ")");
        } catch (IOException | RuntimeException e) {
            if (deadlinePassed.get()) {
                return new DeadlinePassed();
            }
            if (silent[0] != null) {
                return new Failed(silent[0]);
            }
            int status = waitExit(process);
            end("the worker process ended with status " + status);
            try {
                // the JVM's last words (an out-of-memory exit) are still on their way through the pipe
                log.join(2000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            if (status == Integer.MIN_VALUE) {
                return new Failed("the channel to the worker broke (" + e.getMessage() + ")");
            }
            return new Died(status, outOfMemory.get());
        } finally {
            check.cancel(false);
        }
    }

    /**
     * Waits for the worker's {@code ready} after an execution (its next context is made); false when
     * it did not come in time or something else came (the worker is then ended).
     */
    public boolean awaitReady(Duration within) {
        var timeout = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        var stop = timeout.schedule(() -> end("no ready within " + within.toSeconds() + " s"), within.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            while (true) {
                WorkerChannel.Frame f = channel.read();
                if (f.type() == WorkerChannel.READY) {
                    return usable();
                }
                if (f.type() != WorkerChannel.HEARTBEAT) {
                    end("frame type " + f.type() + " between executions");
                    return false;
                }
            }
        } catch (IOException e) {
            end("its channel closed between executions");
            return false;
        } finally {
            stop.cancel(false);
            timeout.shutdownNow();
        }
    }

    /** Asks the worker to stop the execution under way (it ends as cancelled). */
    public void cancel() {
        try {
            channel.send(WorkerChannel.CANCEL, new byte[0]);
        } catch (IOException e) {
            // the worker is gone: its execution ends with it
        }
    }

    /** Ends the worker: its process, everything it started, its channel and folder. */
    public void end(String reason) {
        if (ended.compareAndSet(false, true)) {
            endReason = reason;
            LOG.fine(() -> "ending worker " + name + ": " + reason);
            kill(process);
            channel.close();
            deleteQuietly(folder);
        }
    }

    /** The worker process's id (bwrap's, outside the sandbox). */
    public long pid() {
        return process.pid();
    }

    /** Every process of this worker (bwrap, the sandbox's init, the JVM, anything the guest started). */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The exit status once the process ended (within 2 s), or MIN_VALUE while it still runs. */
    private static int waitExit(Process process) {
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Integer.MIN_VALUE;
    }

    /** The worker JVM's own stdout/stderr (never the guest's): to the host's log, escaped and bounded. */
    private static Thread drain(String name, InputStream in, AtomicBoolean oom) {
        return Thread.ofPlatform().daemon().name("corral-worker-log").start(() -> {
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int logged = 0;
                while ((line = r.readLine()) != null) {
                    if (line.contains(OOM_MARKER)) {
                        oom.set(true);
                    }
                    if (logged++ < 200) {
                        String l = line;
                        LOG.log(Level.FINE, () -> "worker " + name + ": " + LogText.line(l));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }

    private static void chown(Path p, int uid) throws IOException {
        Files.setAttribute(p, "unix:uid", uid);
        Files.setAttribute(p, "unix:gid", uid);
    }

    private static void deleteQuietly(Path folder) {
        try (var s = Files.walk(folder)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the next cleanup takes it
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Worker[" + name + ", pid " + process.pid() + ", uses " + uses + "]";
    }

}
