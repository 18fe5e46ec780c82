package io.corral.engine.isolation;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Worker JVMs kept ready per language and memory class (128, 256, 512, ... MiB: a request's
 * {@code memory_size} rounded up). A request takes a ready worker of its class or starts one; a
 * worker serves one execution at a time and is recycled after {@link #maxUses(String)} executions,
 * a crash, a limit breach or a protocol error. Closing the pool ends every worker.
 */
public final class WorkerPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

    /** Heap a worker needs besides the guest's own memory, per language (MiB), measured: docs/isolation.md. */
    private static final Map<String, Integer> BASE_HEAP_MIB = Map.of("python", 192, "javascript", 128,
            "typescript", 256, "ruby", 320, "php", 320);
    /**
     * Languages whose workers serve fewer executions than the pool's default. Ruby's serve one: its
     * guests have native access inside the sandbox, so an execution can change the worker process
     * itself (its real environment through setenv, rlimits, working directory, signal handlers,
     * child processes, memory mapped by C code) where no context close undoes it; a fresh process
     * per execution is the only state nothing can carry over (docs/isolation.md, "Ruby in a worker").
     */
    private static final Map<String, Integer> MAX_USES = Map.of("ruby", 1);
    /** Address space of each process in the sandbox besides the heap: the JVM's reservations. */
    private static final long ADDRESS_SPACE_EXTRA = 6L << 30;

    /** Which workers a request can use. */
    public record Key(String language, int memoryClassMib) {
    }

    private final WorkerSandbox sandbox;
    private final String mainClass;
    private final Path base;
    private final Path resources;
    private final long fileSystemBytes;
    private final int maxUses;
    private final Duration startTimeout;
    private final Map<Key, java.util.concurrent.LinkedBlockingDeque<Worker>> ready = new ConcurrentHashMap<>();
    /** Workers between an execution and their {@code ready}: a request waits for one rather than starting another. */
    private final Map<Key, AtomicInteger> refilling = new ConcurrentHashMap<>();
    private final Map<Key, AtomicInteger> wanted = new ConcurrentHashMap<>();
    private final Set<Worker> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger names = new AtomicInteger();
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "corral-worker-starter");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final ExecutorService refills = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "corral-worker-refill");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corral-worker-timer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong startNanos = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param resources the languages' internal resources, copied out once (the sandbox is read-only)
     */
    public WorkerPool(WorkerSandbox sandbox, Path resources, long fileSystemBytes, int maxUses, Duration startTimeout)
            throws IOException {
        this(sandbox, resources, fileSystemBytes, maxUses, startTimeout, "io.corral.engine.WorkerMain");
    }

    /**
     * @param mainClass the worker's entry point (tests start workers that misbehave on purpose)
     */
    public WorkerPool(WorkerSandbox sandbox, Path resources, long fileSystemBytes, int maxUses, Duration startTimeout,
                      String mainClass) throws IOException {
        this.mainClass = mainClass;
        this.sandbox = sandbox;
        this.resources = resources;
        this.fileSystemBytes = fileSystemBytes;
        this.maxUses = maxUses;
        this.startTimeout = startTimeout;
        this.base = Files.createTempDirectory("corral-workers-");
        Files.setPosixFilePermissions(base, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    }

    /** The memory class of a request: its {@code memory_size} rounded up to 128 MiB times a power of two. */
    public static int memoryClass(int memorySizeMib) {
        int c = 128;
        while (c < memorySizeMib) {
            c *= 2;
        }
        return c;
    }

    public int maxUses() {
        return maxUses;
    }

    /** How many executions a worker of this language serves before it is ended. */
    public int maxUses(String language) {
        return Math.min(maxUses, MAX_USES.getOrDefault(language, maxUses));
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    /** A ready worker of this kind, or a new one (started now: seconds). */
    public Worker take(Key key) throws IOException {
        if (closed) {
            throw new IOException("the engine is closing");
        }
        java.util.concurrent.LinkedBlockingDeque<Worker> q = queue(key);
        Worker w;
        while ((w = q.pollFirst()) != null) {
            if (w.usable()) {
                topUp(key);
                return w;
            }
            forget(w);
        }
        // a worker finishing its refill is ready in tens of milliseconds; a new one takes seconds
        while (refilling(key).get() > 0 && !closed) {
            try {
                w = q.pollFirst(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for a worker");
            }
            if (w != null) {
                if (w.usable()) {
                    topUp(key);
                    return w;
                }
                forget(w);
            }
        }
        topUp(key);
        return start(key);
    }

    private java.util.concurrent.LinkedBlockingDeque<Worker> queue(Key key) {
        return ready.computeIfAbsent(key, k -> new java.util.concurrent.LinkedBlockingDeque<>());
    }

    private AtomicInteger refilling(Key key) {
        return refilling.computeIfAbsent(key, k -> new AtomicInteger());
    }

    /** Gives a worker back after its execution: kept when healthy and not used up, else ended. */
    public void release(Key key, Worker worker, boolean recycle) {
        int uses = maxUses(key.language());
        if (closed || recycle || !worker.usable() || worker.uses() >= uses) {
            worker.end(recycle ? "recycled after a limit breach" : worker.uses() >= uses
                    ? "served " + uses + (uses == 1 ? " execution" : " executions") : "closed");
            forget(worker);
            topUp(key);
            return;
        }
        // waiting for a ready worker's next context happens off the execution's thread
        refilling(key).incrementAndGet();
        refills.execute(() -> {
            try {
                if (worker.awaitReady(Duration.ofSeconds(60)) && !closed) {
                    queue(key).offerFirst(worker);
                } else {
                    worker.end(closed ? "closed" : "not ready after its execution");
                    forget(worker);
                    topUp(key);
                }
            } finally {
                refilling(key).decrementAndGet();
            }
        });
    }

    /** Keeps {@code count} workers of this kind started ahead of time, in the background. */
    public void keepReady(Key key, int count) {
        wanted.computeIfAbsent(key, k -> new AtomicInteger()).set(count);
        topUp(key);
    }

    /** How many workers of this kind wait. */
    public int readyCount(Key key) {
        java.util.concurrent.LinkedBlockingDeque<Worker> q = ready.get(key);
        return q == null ? 0 : (int) q.stream().filter(Worker::usable).count();
    }

    /** Every live worker (for tests and statistics). */
    public List<Worker> workers() {
        return new ArrayList<>(all);
    }

    /** How many workers were started, and their total start time in nanoseconds. */
    public long workersStarted() {
        return started.get();
    }

    public long startNanos() {
        return startNanos.get();
    }

    private void topUp(Key key) {
        AtomicInteger want = wanted.get(key);
        if (want == null || closed) {
            return;
        }
        starter.execute(() -> {
            while (!closed && readyCount(key) < want.get()) {
                try {
                    Worker w = start(key);
                    queue(key).offerLast(w);
                    if (closed) {
                        w.end("closed");
                    }
                } catch (IOException | RuntimeException e) {
                    if (!closed) { // a start cut short by close is no news
                        LOG.warning("could not start a " + key.language() + " worker ahead of time: " + e);
                    }
                    return;
                }
            }
        });
    }

    private Worker start(Key key) throws IOException {
        long t0 = System.nanoTime();
        int n = names.incrementAndGet();
        // a user of its own per worker (root hosts): RLIMIT_NPROC then counts this worker's processes only
        int uid = 200_000 + (n % 50_000);
        int heapMib = BASE_HEAP_MIB.getOrDefault(key.language(), 256) + key.memoryClassMib();
        Worker w = Worker.start("w" + n + "-" + key.language(), sandbox, readOnlyPaths(), base, uid,
                ((long) heapMib << 20) + ADDRESS_SPACE_EXTRA, jvm(key.language(), heapMib), startTimeout);
        all.add(w);
        started.incrementAndGet();
        startNanos.addAndGet(System.nanoTime() - t0);
        return w;
    }

    private void forget(Worker w) {
        all.remove(w);
    }

    /** The JDK, the jars and class folders this JVM runs from, and the languages' resources. */
    private Set<Path> readOnlyPaths() {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(Path.of(System.getProperty("java.home")));
        for (String prop : List.of("java.class.path", "jdk.module.path", "jdk.module.upgrade.path")) {
            String v = System.getProperty(prop);
            if (v != null && !v.isEmpty()) {
                for (String e : v.split(java.io.File.pathSeparator)) {
                    if (!e.isEmpty()) {
                        paths.add(Path.of(e).toAbsolutePath().normalize());
                    }
                }
            }
        }
        paths.add(resources);
        return paths;
    }

    /**
     * The flags that give a worker the host's optimizing compiler: the Graal compiler on the upgrade
     * module path (the installed JDK), or on the plain module path with JVMCI enabled (the launcher's
     * linked runtime); none when the host runs without it (Truffle's interpreter then, quietly).
     */
    static List<String> compilerFlags(List<String> hostArgs, String upgradePath) {
        if (upgradePath != null && !upgradePath.isEmpty()) {
            return List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "--upgrade-module-path=" + upgradePath);
        }
        if (hostArgs.contains("-XX:+EnableJVMCI")) {
            return List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI");
        }
        return List.of("-Dpolyglot.engine.WarnInterpreterOnly=false");
    }

    /** The worker JVM's command: the host JVM's module and class path, the JIT when the host has it. */
    private List<String> jvm(String language, int heapMib) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> hostArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        c.addAll(compilerFlags(hostArgs, System.getProperty("jdk.module.upgrade.path")));
        c.addAll(List.of("-Xmx" + heapMib + "m", "-Xss2m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:TieredStopAtLevel=1", "-XX:MaxDirectMemorySize=64m", "-XX:CompressedClassSpaceSize=256m",
                "-XX:-UsePerfData", "-Xrs", "-Djava.io.tmpdir=/tmp", "-Duser.home=/tmp",
                "-Dpolyglot.engine.resourcePath=" + resources,
                "-Djava.util.logging.config.file=/dev/null"));
        for (String a : hostArgs) {
            if (a.startsWith("--enable-native-access") || a.startsWith("--sun-misc-unsafe-memory-access")
                    || a.startsWith("--add-opens") || a.startsWith("--add-exports") || a.startsWith("--add-reads")) {
                c.add(a);
            }
        }
        String modules = System.getProperty("jdk.module.path");
        if (modules != null && !modules.isEmpty()) {
            c.add("--module-path=" + modules);
            c.add("--add-modules=ALL-MODULE-PATH");
        }
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(mainClass);
        c.add("{channel}");
        c.add(language);
        c.add(Long.toString(fileSystemBytes));
        return c;
    }

    @Override
    public void close() {
        closed = true;
        starter.shutdownNow();
        refills.shutdownNow();
        for (Worker w : all) {
            w.end("the engine closed");
        }
        all.clear();
        ready.clear();
        timer.shutdownNow();
        try (var s = Files.walk(base)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
