package io.corral.engine;

import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.sandbox.HeapGuard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A host JVM for {@link MeasuredHeapTest}, started with the Graal compiler so that the heap guard
 * measures each execution's context. Per language it runs a program that holds 300 MiB against a
 * 128 MiB limit and then idles ({@code bomb <language> <kind> <exit code>}), and a program that
 * allocates 3.2 GiB holding 8 MiB at a time while the host itself grows by 480 MiB and collects
 * ({@code churner <language> <kind> <exit code> <stdout>}); then a Python program that holds 300 MiB
 * from a thread it started ({@code thread-bomb python <kind> <exit code>}). The guard's measures
 * and stops are printed as {@code guard: ...} lines.
 */
public final class MeasuredHeapHost {

    static final List<Language> LANGUAGES = List.of(Language.PYTHON, Language.JAVASCRIPT, Language.TYPESCRIPT);

    private static final Map<Language, String> BOMBS = Map.of(
            Language.PYTHON, """
                    import time
                    held = [bytearray(1 << 20) for i in range(300)]
                    time.sleep(120)
                    print("survived", len(held))
                    """,
            Language.JAVASCRIPT, """
                    const held = [];
                    for (let i = 0; i < 300; i++) held.push(new Uint8Array(1 << 20));
                    const end = Date.now() + 120000;
                    while (Date.now() < end) {}
                    console.log("survived", held.length);
                    """,
            Language.TYPESCRIPT, """
                    const held: Uint8Array[] = [];
                    for (let i = 0; i < 300; i++) held.push(new Uint8Array(1 << 20));
                    const end: number = Date.now() + 120000;
                    while (Date.now() < end) {}
                    console.log("survived", held.length);
                    """);

    private static final Map<Language, String> CHURNERS = Map.of(
            Language.PYTHON, """
                    import time
                    keep = None
                    for i in range(400):
                        keep = bytearray(8 << 20)
                        time.sleep(0.01)
                    print("churned", len(keep))
                    """,
            Language.JAVASCRIPT, """
                    let keep = null;
                    for (let i = 0; i < 400; i++) {
                        keep = new Uint8Array(8 << 20);
                        const until = Date.now() + 10;
                        while (Date.now() < until) {}
                    }
                    console.log("churned", keep.length);
                    """,
            Language.TYPESCRIPT, """
                    let keep: Uint8Array | null = null;
                    for (let i = 0; i < 400; i++) {
                        keep = new Uint8Array(8 << 20);
                        const until: number = Date.now() + 10;
                        while (Date.now() < until) {}
                    }
                    console.log("churned", keep!.length);
                    """);

    private static final List<Logger> LOGGERS = new ArrayList<>();

    /** Holds 300 MiB from a thread of its own (not the execution's thread), then idles. */
    private static final String THREAD_BOMB = """
            import threading, time
            held = []
            def take():
                for i in range(300):
                    held.append(bytearray(1 << 20))
            t = threading.Thread(target=take)
            t.start()
            t.join()
            time.sleep(120)
            print("survived", len(held))
            """;

    private MeasuredHeapHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        Handler printer = new Handler() {
            @Override
            public void publish(LogRecord r) {
                System.out.println("guard: " + r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        printer.setLevel(Level.FINE);
        for (Class<?> c : List.of(HeapGuard.class, GuestLanguage.class, io.corral.engine.sandbox.ContextHeap.class)) {
            Logger log = Logger.getLogger(c.getName());
            LOGGERS.add(log); // a logger nobody holds is collected, and its level with it
            log.setLevel(Level.FINE);
            log.addHandler(printer);
        }
        System.out.println("runtime " + com.oracle.truffle.api.Truffle.getRuntime().getName());
        Limits limits = Limits.newBuilder().memorySizeMib(128).executionTimeout(java.time.Duration.ofMinutes(3)).build();
        try (ExecutionEngine engine = ExecutionEngine.newBuilder().languages(LANGUAGES.toArray(Language[]::new))
                .warmContexts(0).build()) {
            engine.warmUp();
            for (Language language : LANGUAGES) {
                Execution bomb = engine.run(ScriptRequest.newBuilder(language, BOMBS.get(language)).limits(limits).build());
                System.out.println("bomb " + language.wireName() + " " + bomb.outcome().kind() + " " + bomb.exitCode());

                System.gc(); // the guard's baseline, with nothing running
                ExecutionFuture churner = engine.runAsync(ScriptRequest.newBuilder(language, CHURNERS.get(language))
                        .limits(limits).build());
                // meanwhile the host's own heap grows by far more than the limit, and is collected
                List<byte[]> hostGrowth = new ArrayList<>();
                while (!churner.isDone()) {
                    if (hostGrowth.size() < 60) {
                        hostGrowth.add(new byte[8 << 20]);
                        if (hostGrowth.size() % 10 == 0) {
                            System.gc();
                        }
                    }
                    Thread.sleep(20);
                }
                Execution churned = churner.join();
                System.out.println("churner " + language.wireName() + " " + churned.outcome().kind() + " "
                        + churned.exitCode() + " " + churned.scriptResult().stdout().strip()
                        + " (host grew " + hostGrowth.size() * 8 + " MiB)");
                hostGrowth.clear();
            }
            Execution threadBomb = engine.run(ScriptRequest.newBuilder(Language.PYTHON, THREAD_BOMB).limits(limits).build());
            System.out.println("thread-bomb python " + threadBomb.outcome().kind() + " " + threadBomb.exitCode());
        }
        System.out.println("closed");
    }
}
