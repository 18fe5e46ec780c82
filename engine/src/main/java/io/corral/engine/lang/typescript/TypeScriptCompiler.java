package io.corral.engine.lang.typescript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.corral.engine.lang.GuestContext;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The official TypeScript compiler ({@code typescript.js}, bundled by the build) in a few
 * long-lived JS contexts on the TypeScript runtime's shared engine. These contexts only ever
 * transpile: user code never runs in them. Each transpile is bound to the execution it serves and
 * stops with it (its time limit).
 */
final class TypeScriptCompiler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TypeScriptCompiler.class.getName());
    /** Idle compiler contexts kept (each holds the compiler's ~9 MB of parsed code and heap). */
    private static final int MAX_CONTEXTS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long close waits for a compiler that is still loading in the background. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    /** Transpiled once by each compiler context as it loads: the syntax most programs use. */
    private static final String WARM_UP = """
            import { readFileSync } from "fs";
            export interface Point { x: number; y?: number; readonly tag: string }
            type Pair<T> = [T, T];
            enum Kind { A = 1, B }
            abstract class Shape<T extends object> implements Iterable<number> {
                private static count = 0;
                protected constructor(public readonly name: string, private items: T[] = []) { Shape.count++; }
                abstract area(): number;
                *[Symbol.iterator](): Iterator<number> { yield this.area(); }
                get size(): number { return this.items.length; }
            }
            const f = async (p: Point, ...rest: Pair<number>[]): Promise<string | undefined> => {
                for (const [a, b] of rest) { if (a > b) { return `${p.tag}:${a as number}`; } }
                const o = { ...p, k: Kind.B } satisfies Record<string, unknown>;
                return o?.tag ?? String(await Promise.resolve(1));
            };
            declare const g: (x: unknown) => x is string;
            namespace N { export const v = 1; }
            let n: number = <number>N.v; n!++;
            export default f;
            """;

    /** A syntax error at a 1-based line and column of the TypeScript source. */
    record Diagnostic(int line, int column, int code, String message) {
    }

    /** JavaScript output, or the syntax errors that prevented it. */
    record Result(String javascript, List<Diagnostic> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Loaded(Context context, Value transpile) {
    }

    private final Supplier<Engine> engine;
    private final Source compiler;
    private final Source entry;
    private final String version;
    private final LinkedBlockingQueue<Loaded> idle = new LinkedBlockingQueue<>();
    private int live;
    private volatile boolean closed;
    // guarded by this
    private final java.util.Set<Binding> loading = new java.util.HashSet<>();
    private final java.util.Set<Thread> loaders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicReference<RuntimeException> loadFailure =
            new java.util.concurrent.atomic.AtomicReference<>();

    TypeScriptCompiler(Supplier<Engine> engine) {
        this.engine = engine;
        // cached: every compiler context on the engine shares one parse of the 9 MB compiler
        this.compiler = Source.newBuilder("js", resource("typescript.js"), "typescript.js").internal(true)
                .cached(true).buildLiteral();
        this.entry = Source.newBuilder("js", resource("transpile.js"), "<corral-typescript>").internal(true)
                .buildLiteral();
        this.version = readVersion();
    }

    /** The bundled compiler's version ({@code 6.0.3}). */
    String version() {
        return version;
    }

    /** What output depends on besides the source: compiler version and options. */
    String fingerprint() {
        return "typescript " + version + "\n" + entry.getCharacters();
    }

    /** Loads one compiler context on a daemon thread, so the first request finds it ready. */
    void loadInBackground() {
        startLoad(true);
    }

    /**
     * Starts loading one more compiler context on a daemon thread, never on an execution's: a
     * context holds the compiler's parsed code for the engine's life, which the heap guard would
     * otherwise count as the execution's own (a first TypeScript run would end over its memory
     * limit). Does nothing when {@code onlyFirst} and one is live, when one is loading already (one
     * at a time: two loads at once would share the cores the waiting executions need), or when the
     * most are live.
     */
    private void startLoad(boolean onlyFirst) {
        Binding binding = new Binding();
        synchronized (this) {
            if (closed || (onlyFirst ? live > 0 : live >= MAX_CONTEXTS || !loading.isEmpty())) {
                return;
            }
            live++;
            loading.add(binding);
        }
        Thread t = new Thread(() -> {
            try {
                release(load(binding), false);
            } catch (RuntimeException e) {
                synchronized (this) {
                    live--;
                }
                if (!closed) {
                    LOG.log(Level.WARNING, "loading the TypeScript compiler failed", e);
                    loadFailure.set(e);
                }
            } finally {
                synchronized (this) {
                    loading.remove(binding);
                }
                loaders.remove(Thread.currentThread());
            }
        }, "corral-typescript-compiler-load");
        t.setDaemon(true);
        loaders.add(t);
        t.start();
    }

    /**
     * Transpiles {@code source}; stops (with a {@link CancellationException} or a cancelled
     * {@link PolyglotException}) when {@code execution} is cancelled, e.g. by its time limit.
     */
    Result transpile(String source, String fileName, GuestContext execution) {
        Binding binding = new Binding();
        execution.whenCancelled(binding::cancel);
        Loaded loaded = acquire(binding);
        boolean broken = true;
        try {
            binding.attach(loaded.context());
            String json = loaded.transpile().execute(source, fileName).asString();
            broken = false;
            return parse(json);
        } finally {
            broken |= binding.detach();
            release(loaded, broken);
        }
    }

    /** An idle compiler context, or the next one loaded (in the background) while the execution waits. */
    private Loaded acquire(Binding binding) {
        while (true) {
            if (binding.cancelled()) {
                throw new CancellationException("the execution ended while waiting for the TypeScript compiler");
            }
            Loaded ready = idle.poll();
            if (ready != null) {
                return ready;
            }
            startLoad(false);
            RuntimeException failed = loadFailure.getAndSet(null);
            if (failed != null) {
                throw new IllegalStateException("the TypeScript compiler could not be loaded: " + failed.getMessage(),
                        failed);
            }
            try {
                ready = idle.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for the TypeScript compiler");
            }
            if (ready != null) {
                return ready;
            }
        }
    }

    private Loaded load(Binding binding) {
        if (closed) {
            throw new IllegalStateException("the TypeScript compiler is closed");
        }
        Context context = Context.newBuilder("js")
                .engine(engine.get())
                .sandbox(SandboxPolicy.CONSTRAINED)
                .in(InputStream.nullInputStream())
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .option("js.load", "false")
                .option("js.print", "false")
                .build();
        try {
            binding.attach(context);
            context.eval(compiler);
            Value transpile = context.eval(entry);
            // the compiler's functions are parsed on first use, into the engine's shared code: here,
            // not in an execution's transpile (the heap guard would count that memory as its own)
            transpile.execute(WARM_UP, "warm-up.ts");
            if (binding.detach()) {
                throw new CancellationException("the execution ended while the TypeScript compiler loaded");
            }
            return new Loaded(context, transpile);
        } catch (RuntimeException e) {
            binding.detach();
            try {
                context.close(true);
            } catch (RuntimeException closing) {
                // cancelled already
            }
            throw e;
        }
    }

    private void release(Loaded loaded, boolean broken) {
        if (broken || closed) {
            synchronized (this) {
                live--;
            }
            try {
                loaded.context().close(true);
            } catch (RuntimeException e) {
                // cancelled already: nothing more to release
            }
            return;
        }
        idle.add(loaded);
        if (closed && idle.remove(loaded)) {
            loaded.context().close(true);
        }
    }

    private static Result parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node.has("output")) {
                return new Result(node.get("output").asText(), List.of());
            }
            List<Diagnostic> errors = new ArrayList<>();
            for (JsonNode e : node.get("errors")) {
                errors.add(new Diagnostic(e.get("line").asInt(), e.get("column").asInt(), e.get("code").asInt(),
                        e.get("message").asText()));
            }
            return new Result(null, List.copyOf(errors));
        } catch (IOException e) {
            throw new IllegalStateException("the TypeScript transpiler returned malformed JSON", e);
        }
    }

    private String readVersion() {
        try {
            return JSON.readTree(resource("package.json")).get("version").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TypeScriptCompiler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name + " beside " + TypeScriptCompiler.class.getName()
                        + " (the build fetches the TypeScript compiler with npm)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Closes the idle compiler contexts and stops a compiler still loading in the background (its
     * context is closed mid-load), waiting for that thread a bounded time: the engine these contexts
     * live on is closed right after, and must not find one still starting.
     */
    @Override
    public void close() {
        List<Binding> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(loading);
        }
        stopping.forEach(Binding::cancel);
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        for (Thread t : List.copyOf(loaders)) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Loaded l;
        while ((l = idle.poll()) != null) {
            try {
                l.context().close(true);
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
    }

    /**
     * Ties a compiler context to the one execution using it: cancelling the execution closes the
     * context mid-transpile. Detached before the context goes back to the pool, so a late cancel
     * (every execution's context is cancelled when it closes) never reaches another execution.
     */
    private static final class Binding {
        private Context running;
        private boolean cancelled;

        synchronized void attach(Context context) {
            if (cancelled) {
                throw new CancellationException("the execution ended before the TypeScript compiler ran");
            }
            running = context;
        }

        /** Returns whether the context was cancelled while attached (so it must not be reused). */
        synchronized boolean detach() {
            running = null;
            return cancelled;
        }

        synchronized boolean cancelled() {
            return cancelled;
        }

        synchronized void cancel() {
            if (cancelled) {
                return;
            }
            cancelled = true;
            if (running != null) {
                try {
                    running.close(true);
                } catch (RuntimeException e) {
                    // closing anyway
                }
            }
        }
    }
}
