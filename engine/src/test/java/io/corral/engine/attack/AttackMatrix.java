package io.corral.engine.attack;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.Isolation;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attack cases of {@code shared/reference/security-cases.md} and of the hardening issue, each
 * declared once ({@link #ATTACKS}) and run for every language that has a program for it
 * ({@code scenarios/<attack>/main.<ext>}). Every case asserts the execution's status and output,
 * that nothing of the host shows in the guest's output, that the host is as it was (signal
 * handlers, time zone, log, heap collections), and that the next execution on the same engine still
 * works; {@link #aHostileExecutionLeavesAConcurrentOneIntact} runs each beside a benign execution.
 *
 * <p>Subclasses say which languages they run: {@code AttackMatrixTest} the engine's own, the PHP
 * module's {@code PhpAttackMatrixTest} PHP, through this same suite. Every case runs in a fresh
 * context: none opts in to warm instances, which are off unless asked for ({@code WarmInstancesTest}
 * shows what they share and what they never do).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AttackMatrix {

    /** The languages this suite runs in (those with a program for a case run it). */
    protected abstract List<Language> languages();

    protected ExecutionEngine engine() {
        return TestEngine.shared();
    }

    /** What the attack did: its execution, where it ran, and host state seen around it. */
    public record Attempt(Language language, Isolation isolation, ExecResult result, HostState before,
                          HostState after, List<String> hostLog) {
        String describe() {
            return language.wireName() + " (" + isolation.wireName() + ") " + result.outcome() + "\n--- stdout\n" + abbreviate(result.stdout())
                    + "\n--- stderr\n" + abbreviate(result.stderr());
        }
    }

    /** One attack: a program per language, how its request differs, and what must hold afterwards. */
    public record Attack(String name, java.util.function.UnaryOperator<ScriptRequest.Builder> request,
                         Consumer<Attempt> check) {
        Attack(String name, Limits limits, Consumer<Attempt> check) {
            this(name, b -> b.limits(limits), check);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final java.util.function.UnaryOperator<ScriptRequest.Builder> AS_IS = b -> b;

    private static final Limits SHORT = Limits.newBuilder().executionTimeoutSeconds(2).build();

    /** The cases. The programs print {@code refused <why>} or {@code reached <what>} per attempt, then {@code after}. */
    static final List<Attack> ATTACKS = List.of(
            // A. host escape and capabilities
            new Attack("read_host_file", AS_IS, AttackMatrix::contained),
            new Attack("attack_write_outside_tmp", b -> b.file("in.txt", "original"), a -> {
                contained(a);
                assertTrue(a.result().stdout().contains("input original\n"), "the input is unchanged: " + a.describe());
                assertTrue(a.result().stdout().contains("tmp ok\n"), "/tmp takes writes: " + a.describe());
            }),
            new Attack("spawn_process", AS_IS, a -> {
                contained(a);
                assertFalse(a.result().stdout().contains("pwned") || a.result().stderr().contains("pwned"), a.describe());
                assertFalse(a.result().stdout().contains("uid="), a.describe());
                // every attempt says it was refused: a spawn that silently did nothing would not
                for (String line : a.result().stdout().split("\n")) {
                    assertTrue(line.equals("after") || line.startsWith("refused"), "not refused: " + line + "\n" + a.describe());
                }
                assertTrue(a.result().stdout().startsWith("refused"), a.describe());
            }),
            new Attack("java_class_access", AS_IS, AttackMatrix::contained),
            new Attack("attack_bridge_values", AS_IS, AttackMatrix::contained),
            // E. no sockets, no DNS: HTTP only through the gateway
            new Attack("attack_sockets", AS_IS, AttackMatrix::contained),
            // B. CPU and time
            new Attack("infinite_loop", SHORT, AttackMatrix::timedOut),
            new Attack("catch_everything_loop", Limits.newBuilder().executionTimeout(java.time.Duration.ofMillis(1500))
                    .build(), AttackMatrix::timedOut),
            new Attack("guest_redos", SHORT, AttackMatrix::timedOut),
            // C. stack
            new Attack("deep_recursion", AS_IS, a -> {
                assertNotEquals(0, a.result().exitCode(), a.describe());
                assertFalse(a.result().stderr().contains("StackOverflowError"), "a guest error, not the host's: " + a.describe());
            }),
            // D. output and error flooding
            new Attack("output_flood", Limits.newBuilder().stdoutCapBytes(1000).build(), a -> {
                assertEquals("0123456789".repeat(100), a.result().stdout(), a.describe());
                assertTrue(a.result().outcome().stdoutTruncated() && a.result().outcome().notes()
                                .contains("stdout truncated at 1000 bytes (1999000 bytes dropped)"),
                        a.describe());
            }),
            new Attack("attack_error_flood", Limits.newBuilder().stderrCapBytes(64 * 1024).build(), AttackMatrix::errorCapped),
            new Attack("attack_rejection_flood", Limits.newBuilder().stderrCapBytes(64 * 1024).build(),
                    AttackMatrix::errorCapped),
            // F. tenants
            new Attack("attack_threads", AS_IS, AttackMatrix::containedOrEnded),
            new Attack("attack_thread_flood", AS_IS, a -> {
                contained(a);
                assertTrue(a.result().stdout().startsWith("refused thread"), "the flood met the bound: " + a.describe());
                noGuestThreadOutlivesItsExecution(a);
            }),
            // G. process-wide effects of the language implementations
            new Attack("attack_signal_raise", AS_IS, a -> {
                contained(a);
                assertEquals(a.before().signalHandlers(), a.after().signalHandlers());
                assertEquals(a.before().signalDispositions(), a.after().signalDispositions());
            }),
            new Attack("attack_signal_handlers", AS_IS, a -> {
                contained(a);
                assertEquals(a.before().signalHandlers(), a.after().signalHandlers(),
                        "the host's signal handlers are the ones it had");
                assertEquals(a.before().signalDispositions(), a.after().signalDispositions(),
                        "the host ignores and catches the signals it did");
            }),
            new Attack("attack_signal_timers", AS_IS, a -> {
                contained(a);
                assertEquals(a.before().signalHandlers(), a.after().signalHandlers());
                assertEquals(a.before().signalDispositions(), a.after().signalDispositions());
            }),
            new Attack("attack_host_introspection", AS_IS, AttackMatrix::contained),
            new Attack("attack_log_injection", AS_IS, a -> {
                contained(a);
                for (String line : a.hostLog()) {
                    assertFalse(line.contains("corral-forged-line"), "the guest wrote into the host's log: " + line);
                }
            }),
            new Attack("attack_gc_storm", AS_IS, a -> {
                contained(a);
                // 30 forced collections would each be a full collection of the host's heap
                assertTrue(a.after().fullCollections() - a.before().fullCollections() < 10,
                        "full collections went from " + a.before().fullCollections() + " to " + a.after().fullCollections());
            }),
            new Attack("attack_tzset", AS_IS, a -> {
                contained(a);
                assertEquals(a.before().timeZone(), a.after().timeZone(), "the JVM's default time zone");
            }),
            new Attack("attack_inner_context", AS_IS, AttackMatrix::contained),
            // the host-side stand-ins for a language's native extensions (Python: XML, Unicode, hashes)
            new Attack("attack_python_natives", AS_IS, AttackMatrix::contained),
            // native access (Ruby in a worker process) reaches the worker's own sandbox and nothing of the host
            new Attack("attack_native_reach", AS_IS, a -> {
                contained(a);
                if (a.isolation() == Isolation.PROCESS) {
                    assertEquals("""
                            sandbox environment: LANG MALLOC_ARENA_MAX PATH PWD
                            sandbox host file: no /etc/passwd
                            sandbox pid 1: bwrap
                            sandbox ruby home: read-only
                            after
                            """, a.result().stdout(), a.describe());
                } else {
                    a.result().stdout().lines().filter(l -> !l.equals("after")).forEach(l ->
                            assertTrue(l.startsWith("refused"), "in-process Ruby has no native access: " + a.describe()));
                }
            }));

    Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Attack attack : ATTACKS) {
            for (Language language : languages()) {
                if (TestEngine.languagesWith(attack.name()).contains(language)) {
                    out.add(Arguments.of(attack, language));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void aHostileGuestIsContainedAndTheNextExecutionWorks(Attack attack, Language language) {
        Attempt attempt = attempt(attack, language);
        attack.check().accept(attempt);
        noHostDetail(attempt);
        ExecResult next = engine().run(ScriptRequest.of(language, TestEngine.program("hello", language))).scriptResult();
        assertEquals("hello, world\n", next.stdout(), "the next execution after " + attack.name() + " works");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void aHostileExecutionLeavesAConcurrentOneIntact(Attack attack, Language language) {
        CompletableFuture<Execution> hostile = engine().runAsync(request(attack, language));
        List<CompletableFuture<Execution>> benign = new ArrayList<>();
        // in-process, three share the host JVM with it; a worker shares nothing with another worker,
        // so one there (each is a JVM start: Ruby's workers serve one execution)
        int beside = engine().isolation().get(language) == io.corral.api.Isolation.PROCESS ? 1 : 3;
        for (int i = 0; i < beside; i++) {
            benign.add(engine().runAsync(ScriptRequest.newBuilder(language, TestEngine.program("square_arg", language))
                    .args(Integer.toString(i + 7)).build()));
        }
        for (int i = 0; i < benign.size(); i++) {
            ExecResult r = benign.get(i).join().scriptResult();
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(((i + 7) * (i + 7)) + "\n", r.stdout(), "beside " + attack.name());
        }
        hostile.join();
        assertTrue(ProcessHandle.current().isAlive());
    }

    private ScriptRequest request(Attack attack, Language language) {
        return attack.request().apply(ScriptRequest.newBuilder(language, TestEngine.program(attack.name(), language)))
                .build();
    }

    private Attempt attempt(Attack attack, Language language) {
        List<String> log = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                log.add(r.getLoggerName() + " " + r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level level = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try {
            HostState before = HostState.read();
            Execution ex = engine().run(request(attack, language));
            HostState after = HostState.read();
            return new Attempt(language, engine().isolation().get(language), ex.scriptResult(), before, after, log);
        } finally {
            root.removeHandler(capture);
            root.setLevel(level);
        }
    }

    // ---- checks ------------------------------------------------------------------------------------

    /** Every attempt was refused (or had an effect inside the guest only) and the guest went on. */
    static void contained(Attempt a) {
        ExecResult r = a.result();
        assertEquals(0, r.exitCode(), a.describe());
        assertTrue(r.stdout().endsWith("after\n"), "the guest carried on to the end: " + a.describe());
        for (String line : r.stdout().split("\n")) {
            assertFalse(line.startsWith("reached"), "an attempt reached the host: " + line + "\n" + a.describe());
        }
    }

    /** Contained, or the attempt ended the guest's own run with an error (and only that). */
    static void containedOrEnded(Attempt a) {
        ExecResult r = a.result();
        if (r.exitCode() == 0) {
            contained(a);
        } else {
            assertFalse(r.stdout().contains("after"), a.describe());
            assertFalse(r.stdout().contains("reached"), a.describe());
        }
    }

    /**
     * No thread the guest started is still alive once its execution has ended (GraalPy starts its
     * threads in a group of that name; they end within moments of the context's close).
     */
    static void noGuestThreadOutlivesItsExecution(Attempt a) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        List<Thread> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getThreadGroup() != null
                    && t.getThreadGroup().getName().equals("GRAALPYTHON_THREADS")).toList();
            if (left.isEmpty()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < until);
        throw new AssertionError(left.size() + " guest threads outlived their execution: " + left + "\n" + a.describe());
    }

    static void timedOut(Attempt a) {
        assertEquals(io.corral.api.Outcome.TIMED_OUT_STATUS, a.result().exitCode(), a.describe());
        assertEquals("started\n", a.result().stdout(), "output before the limit is kept: " + a.describe());
        assertTrue(a.result().outcome().isTimedOut(), a.describe());
        assertTrue(String.join("\n", a.result().outcome().notes()).matches("time limit of (2|1\\.5) s exceeded"),
                a.describe());
    }

    static void errorCapped(Attempt a) {
        ExecResult r = a.result();
        assertNotEquals(0, r.exitCode(), a.describe());
        assertEquals("before\n", r.stdout(), a.describe());
        long bytes = r.stderr().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(bytes <= 64 * 1024, "the error report passed through the 64 KiB stderr cap: " + bytes + " bytes");
        assertTrue(r.outcome().stderrTruncated(), "and the outcome says so");
        assertTrue(r.outcome().notes().stream().anyMatch(n -> n.startsWith("stderr truncated at 64 KiB")),
                "in a note: " + r.outcome());
    }

    /** Nothing of the host (Java class names, its class path, its home, its pid) shows in the guest's output. */
    static void noHostDetail(Attempt a) {
        String text = a.result().stdout() + "\n" + a.result().stderr();
        for (String marker : List.of("java.lang.", "java.io.", "com.oracle.", "org.graalvm.", "org.truffleruby.",
                "io.corral.", ".jar", "/target/classes")) {
            assertFalse(text.contains(marker), "host detail '" + marker + "' in the guest's output: " + a.describe());
        }
        assertFalse(text.matches("(?s).*\\b" + ProcessHandle.current().pid() + "\\b.*"), "the host's pid: " + a.describe());
        String home = System.getProperty("user.home");
        if (home != null && home.length() > 1) {
            assertFalse(text.contains(home + "/.m2") || text.contains(home + "/.cache"), "the host's home: " + a.describe());
        }
        for (String name : System.getenv().keySet()) {
            if (name.length() >= 6 && !name.equals("CORRAL")) {
                assertFalse(text.contains("\"" + name + "\"") || text.contains("'" + name + "'"),
                        "the host's environment variable " + name + ": " + a.describe());
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "... (" + s.length() + " chars)";
    }

    /**
     * What a guest must never change in its host: the JVM's Java handlers for TERM, INT and HUP
     * (read without touching them), which signals the process ignores and catches at the OS level,
     * the default time zone, and the count of full collections of its heap.
     */
    public record HostState(Map<String, Object> signalHandlers, String signalDispositions, String timeZone,
                            long fullCollections) {
        static HostState read() {
            return new HostState(javaSignalHandlers(), dispositions(), TimeZone.getDefault().getID(),
                    countFullCollections());
        }

        /** The JDK's own table of Java signal handlers ({@code --add-opens java.base/jdk.internal.misc}). */
        private static Map<String, Object> javaSignalHandlers() {
            try {
                Class<?> signal = Class.forName("jdk.internal.misc.Signal");
                java.lang.reflect.Field field = signal.getDeclaredField("handlers");
                field.setAccessible(true);
                Map<?, ?> table = (Map<?, ?>) field.get(null);
                Map<String, Object> out = new java.util.TreeMap<>();
                synchronized (table) {
                    table.forEach((k, v) -> out.put(String.valueOf(k), v));
                }
                return out;
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new AssertionError("cannot read the JVM's signal handlers (is jdk.internal.misc opened?)", e);
            }
        }

        /**
         * Whether HUP, INT, QUIT, ALRM and TERM are ignored or caught at the OS level ({@code SigIgn},
         * {@code SigCgt} of {@code /proc/self/status}).
         */
        private static String dispositions() {
            long watched = 1L << 0 | 1L << 1 | 1L << 2 | 1L << 13 | 1L << 14; // bit n-1 for signal n
            try {
                StringBuilder sb = new StringBuilder();
                for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                    if (l.startsWith("SigIgn:") || l.startsWith("SigCgt:")) {
                        long mask = Long.parseUnsignedLong(l.substring(7).trim(), 16) & watched;
                        sb.append(l, 0, 7).append(Long.toHexString(mask)).append(' ');
                    }
                }
                return sb.toString();
            } catch (java.io.IOException e) {
                return "";
            }
        }

        private static long countFullCollections() {
            long n = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (!gc.getName().contains("Young") && !gc.getName().contains("Concurrent")) {
                    n += Math.max(0, gc.getCollectionCount());
                }
            }
            return n;
        }
    }
}
