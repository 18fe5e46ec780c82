package io.corral.engine;

import io.corral.api.HttpPolicy;
import io.corral.api.Language;
import io.corral.api.Outcome;
import io.corral.api.wire.RizaJson;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.lang.GuestContext;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.sandbox.Watchdog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warm instances of functions, for tools and function requests that opt in: a context whose
 * prelude has evaluated the function's code once, kept after a call that returned normally and
 * given to the next call with the same {@link Key} (language, tool revision or code, environment and
 * HTTP policy with their values, caller scope), which binds its own execution into it and calls
 * {@code execute(input)} again. Module-level state therefore survives between those calls, and
 * only between them.
 *
 * <pre>{@code
 * WarmInstances warm = new WarmInstances(watchdog, 32, 10_000, Duration.ofMinutes(5));
 * WarmInstances.Key key = WarmInstances.Key.of(Language.PYTHON, "tool T revision R", env, http, "key-1");
 * RunResult r = warm.call(key, python, code, inputJson,
 *         (contexts, action) -> runner.run(python, contexts, binding, limits, control, action));
 * }</pre>
 *
 * <p>Everything else of a call is its own, exactly as without an instance: the deadline, the
 * output caps and gates, the egress gateway, the host bridge, stdin, input files ({@code /tmp} and
 * {@code /mnt/req} start empty), and the outcome, decided by {@code GuestRunner}. An instance is
 * closed instead of kept after any call that did not return normally (time-out, cancellation,
 * exit, an error raised, the heap running out, a host failure), when something of the call still
 * runs in it (a Python thread), after {@code maxUses} calls, after {@code idle} without a call,
 * when more than {@code maxInstances} wait (the longest-waiting goes first), and when the engine
 * closes. The first call of a key loads the code in a context from the language's pool, as every
 * call without warm instances does; so do concurrent calls of one key (each instance serves one
 * call at a time). Languages that cannot keep a function loaded (PHP) run every call fresh.
 *
 * <p>Keys are SHA-256 digests: environment and secret values, credentials and scopes are never
 * held here in clear.
 */
final class WarmInstances implements AutoCloseable {

    /** Instances kept at most, over all keys (each holds a context: Python ~2 MB, Ruby ~12 MB). */
    static final int DEFAULT_MAX_INSTANCES = 32;
    /** Calls one instance serves at most before it is replaced by a fresh one. */
    static final int DEFAULT_MAX_USES = 10_000;
    /** How long an instance may wait for its next call. */
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(5);

    /** What runs one call with the given context source and action: a bound {@code GuestRunner.run}. */
    @FunctionalInterface
    interface Runner {
        GuestRunner.RunResult run(GuestRunner.ContextSource contexts, GuestRunner.GuestAction action);
    }

    /**
     * Which calls may share an instance: a SHA-256 digest of the function's identity (a tool's id and
     * revision, or the code itself), its environment and HTTP policy with every value and credential,
     * and the caller's scope; the language in clear.
     */
    record Key(Language language, String digest) {

        /**
         * @param function what identifies the code: {@code tool <id> <revision>} or {@code code <text>}
         * @param env      the environment the guest sees, secret values resolved
         * @param http     the HTTP policy, credentials resolved
         * @param scope    the caller (a tenant, an API key's id), or null
         */
        static Key of(Language language, String function, Map<String, String> env, HttpPolicy http, String scope) {
            MessageDigest sha = sha256();
            field(sha, language.wireName());
            field(sha, function);
            // the guest's environment is a set of names: two requests listing it in another order are one
            for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
                field(sha, e.getKey());
                field(sha, e.getValue());
            }
            field(sha, http.isDenyAll() ? "" : RizaJson.write(RizaJson.http(http)));
            field(sha, scope == null ? "" : "scope " + scope);
            return new Key(language, HexFormat.of().formatHex(sha.digest()));
        }

        /** Length-prefixed, so no two different field lists digest the same bytes. */
        private static void field(MessageDigest sha, String value) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) ':');
            sha.update(bytes);
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
        }

        @Override
        public String toString() {
            return "Key[" + language.wireName() + " " + digest.substring(0, 12) + "]";
        }
    }

    /** One context that has loaded a function; used by one call at a time. */
    private static final class Instance {
        final long serial;
        final Key key;
        final GuestLanguage language;
        final GuestContext context;
        boolean loaded;
        int uses;
        /** Whether the last call left nothing running, so the context may serve the next. */
        boolean ready;
        long idleSince;

        Instance(long serial, Key key, GuestLanguage language, GuestContext context) {
            this.serial = serial;
            this.key = key;
            this.language = language;
            this.context = context;
        }
    }

    private final Watchdog watchdog;
    private final int maxInstances;
    private final int maxUses;
    private final long idleNanos;

    private final Object lock = new Object();
    /** Waiting instances, the one that waited longest first. */
    private final LinkedHashMap<Long, Instance> waiting = new LinkedHashMap<>();
    /** The same instances by key, the most recently used last. */
    private final Map<Key, ArrayDeque<Instance>> waitingByKey = new HashMap<>();
    private long serials;
    private boolean sweepScheduled;
    private boolean closed;

    /**
     * @param maxInstances instances kept at most (0: none, every call runs fresh)
     * @param maxUses      calls per instance at most
     * @param idle         how long an instance may wait for a call before it is closed
     */
    WarmInstances(Watchdog watchdog, int maxInstances, int maxUses, Duration idle) {
        this.watchdog = watchdog;
        this.maxInstances = maxInstances;
        this.maxUses = maxUses;
        this.idleNanos = idle.toNanos();
    }

    /** Whether calls of {@code language} can use warm instances in this engine. */
    boolean serves(GuestLanguage language) {
        return maxInstances > 0 && language.supportsWarmInstances();
    }

    /**
     * Runs one call of the function {@code code} through {@code runner}: in a waiting instance of
     * {@code key} when there is one (only {@code execute(input)} runs), else in a new context that
     * loads the code first and may become one.
     */
    GuestRunner.RunResult call(Key key, GuestLanguage language, String code, String inputJson, Runner runner) {
        Lease lease = new Lease(key, language);
        return runner.run(lease, context -> lease.call(context, code, inputJson));
    }

    /** One call's use of an instance: where its context comes from and where it goes afterwards. */
    private final class Lease implements GuestRunner.ContextSource {
        private final Key key;
        private final GuestLanguage language;
        private Instance instance;

        Lease(Key key, GuestLanguage language) {
            this.key = key;
            this.language = language;
        }

        @Override
        public GuestContext take() {
            Instance waitingOne = takeWaiting(key);
            instance = waitingOne != null ? waitingOne
                    : new Instance(nextSerial(), key, language, language.takeContext());
            instance.ready = false;
            return instance.context;
        }

        GuestRunner.Ending call(GuestContext context, String code, String inputJson) {
            Instance i = instance;
            if (!i.loaded) {
                FunctionOutcome failed = context.load(code);
                if (failed != null) {
                    return GuestRunner.Ending.of(failed);
                }
                i.loaded = true;
            }
            FunctionOutcome outcome = context.invoke(inputJson);
            i.uses++;
            i.ready = context.readyForAnotherCall();
            return GuestRunner.Ending.of(outcome);
        }

        /** Keeps a context whose call returned normally, before its result is handed over. */
        @Override
        public boolean keep(GuestContext used, GuestRunner.RunResult result) {
            Instance i = instance;
            if (!keepable(i, result)) {
                return false;
            }
            try {
                used.unbind();
            } catch (IllegalStateException closing) {
                return false; // cancelled after its call ended (the engine is closing)
            }
            if (i.uses == 1) {
                // the context left the language's pool for good: its replacement is made now
                i.language.retain(i.context);
            }
            putWaiting(i);
            return true;
        }

        @Override
        public void release(GuestContext used) {
            language.release(used);
        }
    }

    /**
     * Only a call that returned normally leaves its instance in a known state: {@code execute}
     * returned (a value, serializable or not), nothing of the call still runs, and the context is open.
     */
    private boolean keepable(Instance i, GuestRunner.RunResult result) {
        return result != null && i.ready && i.uses < maxUses && result.function() != null
                && result.outcome().kind() == Outcome.Kind.COMPLETED && result.outcome().exitStatus() == 0
                && !i.context.isClosed();
    }

    private long nextSerial() {
        synchronized (lock) {
            return ++serials;
        }
    }

    private Instance takeWaiting(Key key) {
        synchronized (lock) {
            ArrayDeque<Instance> forKey = waitingByKey.get(key);
            if (forKey == null) {
                return null;
            }
            Instance i = forKey.pollLast();
            if (forKey.isEmpty()) {
                waitingByKey.remove(key);
            }
            if (i != null) {
                waiting.remove(i.serial);
            }
            return i;
        }
    }

    private void putWaiting(Instance i) {
        List<Instance> evicted = new ArrayList<>();
        boolean keptIt;
        synchronized (lock) {
            keptIt = !closed;
            if (keptIt) {
                i.idleSince = System.nanoTime();
                waiting.put(i.serial, i);
                waitingByKey.computeIfAbsent(i.key, k -> new ArrayDeque<>()).addLast(i);
                while (waiting.size() > maxInstances) {
                    evicted.add(removeEldest());
                }
                scheduleSweep(idleNanos);
            }
        }
        if (!keptIt) {
            evicted.add(i);
        }
        evicted.forEach(WarmInstances::discard);
    }

    /** Under the lock. */
    private Instance removeEldest() {
        Iterator<Instance> it = waiting.values().iterator();
        Instance eldest = it.next();
        it.remove();
        ArrayDeque<Instance> forKey = waitingByKey.get(eldest.key);
        forKey.remove(eldest);
        if (forKey.isEmpty()) {
            waitingByKey.remove(eldest.key);
        }
        return eldest;
    }

    /** Under the lock: one sweep at a time, when the longest-waiting instance's idle time is up. */
    private void scheduleSweep(long inNanos) {
        if (sweepScheduled || closed) {
            return;
        }
        try {
            watchdog.schedule(Duration.ofNanos(inNanos), this::sweep);
            sweepScheduled = true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the engine is closing: its instances are closed with it
        }
    }

    /** Closes the instances that waited longer than the idle time. */
    private void sweep() {
        List<Instance> expired = new ArrayList<>();
        synchronized (lock) {
            sweepScheduled = false;
            long now = System.nanoTime();
            while (!waiting.isEmpty()) {
                Instance eldest = waiting.values().iterator().next();
                long waited = now - eldest.idleSince;
                if (waited < idleNanos) {
                    scheduleSweep(idleNanos - waited);
                    break;
                }
                expired.add(removeEldest());
            }
        }
        expired.forEach(WarmInstances::discard);
    }

    private static void discard(Instance i) {
        i.language.release(i.context);
    }

    /** How many instances wait for a call (for tests and statistics). */
    int waitingCount() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Closes every waiting instance; those in use are closed when their calls end. */
    @Override
    public void close() {
        List<Instance> all;
        synchronized (lock) {
            closed = true;
            all = new ArrayList<>(waiting.values());
            waiting.clear();
            waitingByKey.clear();
        }
        all.forEach(WarmInstances::discard);
    }
}
