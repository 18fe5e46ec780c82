package io.corral.engine.lang.python;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The only way a Python guest starts a thread: GraalPy's own {@code _thread.start_new_thread},
 * held here and nowhere in the guest, behind a count of the context's live threads.
 *
 * <p>The prelude hands GraalPy's built-in over once per context ({@code bind}) before any guest
 * code runs, and puts a Python function that calls {@code start} in its place. A guest can reach
 * this object (as it can every host object its functions close over), but not the built-in behind
 * it: a {@code ProxyObject} has nothing to reflect on, so every thread goes through the count.
 * Threads are polyglot threads of the execution's context, so the deadline's
 * {@code Context.close(true)} stops them with the rest of the guest, and none outlives it.
 *
 * <p>Members: {@code bind(start_new_thread)} (once), {@code start(body, args)} (returns the new
 * thread's ident, or null when {@link #MAX_LIVE} threads are already running or nothing is bound;
 * the guest turns null into CPython's {@code RuntimeError: can't start new thread}), {@code limit}.
 * Never throws a Java exception into the guest: bad arguments are refused with null.
 */
final class GuestThreads implements ProxyObject {

    /** How many of one execution's threads may be alive at once (its main thread not counted). */
    static final int MAX_LIVE = 64;

    private final AtomicInteger live = new AtomicInteger();
    private volatile Value startNewThread;

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "bind" -> (ProxyExecutable) this::bind;
            case "start" -> (ProxyExecutable) this::start;
            case "limit" -> MAX_LIVE;
            default -> null;
        };
    }

    private Object bind(Value... args) {
        if (startNewThread == null && args.length == 1 && args[0].canExecute()) {
            startNewThread = args[0];
            return true;
        }
        return false;
    }

    private Object start(Value... args) {
        Value start = startNewThread;
        if (start == null || args.length != 2 || !args[0].canExecute()) {
            return null;
        }
        Value body = args[0];
        if (live.incrementAndGet() > MAX_LIVE) {
            live.decrementAndGet();
            return null;
        }
        ProxyExecutable counted = ignored -> {
            try {
                return body.execute();
            } finally {
                live.decrementAndGet();
            }
        };
        try {
            return start.execute(counted, args[1]);
        } catch (RuntimeException e) {
            // the thread did not start (GraalPy refused it, or the context is closing): give its place back
            live.decrementAndGet();
            throw e;
        }
    }

    @Override
    public Object getMemberKeys() {
        return new String[] {"bind", "start", "limit"};
    }

    @Override
    public boolean hasMember(String key) {
        return key.equals("bind") || key.equals("start") || key.equals("limit");
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("the thread gate is read-only");
    }
}
