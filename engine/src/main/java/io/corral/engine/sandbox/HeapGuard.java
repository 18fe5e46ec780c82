package io.corral.engine.sandbox;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds each running execution to the heap it may keep, as far as one JVM shared by several
 * executions can tell (GraalVM Community Edition has no heap limit per context): a {@link Watch}
 * per running execution, and its {@code onBreach} run once it is found holding more than its limit.
 *
 * <pre>{@code
 * try (HeapGuard guard = HeapGuard.start()) {
 *     HeapGuard.Watch watch = guard.watch(Thread.currentThread(), 128 * Limits.MIB, () -> cancel(context));
 *     try {
 *         context.run(code);              // stopped from outside on a breach
 *     } finally {
 *         watch.close();
 *     }
 *     watch.breached();                    // true: report the memory limit, whatever the guest saw
 * }
 * }</pre>
 *
 * <p><b>Measured executions.</b> An execution watched with a {@link Measure} (its context's
 * retained heap beyond a fresh context's: {@link ContextHeap}, with the Graal compiler) is judged
 * by it alone: it can hold no more than its last measure found plus all its thread allocated since,
 * so it is measured (on a thread of the guard's) each time that bound passes its limit, and at least
 * every {@value #MEASURE_EVERY_MILLIS} ms (threads the guest started allocate on their own), and stopped
 * only when a measure finds it over. The whole-heap reading below then plays no part for it, except
 * the safety rule; a measure that cannot tell hands it over to that reading for good.
 *
 * <p><b>What it measures</b> otherwise: the <em>live growth</em>: the heap in use after a collection (the
 * young generation's fresh allocations aside) less a baseline, the heap the host holds without the
 * running executions. Every collection while no execution runs sets the baseline; while some run,
 * it rises to what the executions cannot hold (the measure less everything their threads allocated
 * since they started, {@code ThreadMXBean.getThreadAllocatedBytes}), and a measure below it shows
 * it counted garbage: it is lowered, taking the executions to hold half of what they could. Until
 * a collection while none runs sets it again, that guess may make their shares look smaller than
 * they are: measures against it never teach the guard that an execution keeps less (below).
 *
 * <p><b>Who holds it.</b> An execution can hold at most what its thread allocated. Its share of the
 * growth is the growth less the most the others can hold (what they allocated, within their limits
 * unless caught, and what finished ones held for {@value #LINGER_MILLIS} ms after their watch closed,
 * while their contexts close); it is over its limit when that share is more than its limit and it
 * allocated more than its limit too. Several over: the biggest allocator. So a program that allocates
 * ten times its limit while holding little of it is not stopped for that, alone or beside others.
 *
 * <p><b>When it looks.</b> After every collection (a notification from each collector), and every
 * {@value #POLL_MILLIS} ms while executions run and no collection came for {@value #QUIET_MILLIS} ms,
 * when it reads the heap as it is (large arrays go to the old generation at once; a young
 * generation can hold gigabytes before it is collected), counting for each execution no more than
 * it held at the last collection and allocated since, and only when the share of its allocation it
 * kept between full collections (at least 1/32) makes it likely over: a program that allocates
 * much and keeps little is not looked at again until it could have changed its ways, or for
 * {@value #CONFIRM_EVERY_MILLIS} ms (one that kept little, then holds much and waits, causes no
 * collection and allocates nothing that would make it look likely over). A
 * measure that may still count garbage (after a young collection, or between collections) never
 * stops anything: it asks for a full collection ({@code System.gc()}) that confirms or clears the
 * suspicion, one at a time and never more than a third of the time, less and less often (up to every
 * 4 s) while they keep finding nothing. Only a measure after a full collection stops an execution.
 *
 * <p><b>The safety rule.</b> When the heap in use after a full collection passes
 * {@value #SAFETY_PERCENT}% of the maximum heap (memory of stopped and finished executions about to
 * be released aside), the biggest allocator among the running executions is stopped whatever its
 * limit, so that the host does not run out of memory.
 *
 * <p><b>What it cannot see.</b> Memory outside the Java heap (native memory), allocations on threads
 * other than the watched one (threads a guest starts), memory two executions share, which of two
 * executions that both allocated more than their limits holds the memory, and executions of other
 * guards in the same JVM (to this guard, the host's memory). Precision: the guest keeps allocating
 * until the confirming collection and its cancellation land, and passes its limit by that much.
 *
 * <p>One guard serves a whole process: one per {@code ExecutionEngine}, or one per worker process
 * that runs one execution at a time after its start-up. {@link #close} stops listening.
 */
public final class HeapGuard implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(HeapGuard.class.getName());

    /** Heap in use after a full collection past this share of the maximum cancels the biggest allocator. */
    static final int SAFETY_PERCENT = 85;
    /** How long a finished execution's memory is still counted as its own (its context closes meanwhile). */
    static final long LINGER_MILLIS = 5_000;
    /** How often the heap is read while executions run. */
    static final long POLL_MILLIS = 20;
    /**
     * The least share of its new allocation an execution is expected to keep, however little it kept
     * so far: a program that churns and then starts holding is looked at again after at most this
     * many times its remaining room of allocation.
     */
    static final double MIN_KEEPS = 1.0 / 32;
    /** Readings between collections are made only when no collection came for this long. */
    static final long QUIET_MILLIS = 1_000;
    /** After measuring an execution's context, the next measure of it waits at least this many times as long. */
    static final int MEASURE_GAP_FACTOR = 3;
    /**
     * A measured execution is measured at least this often however little its thread allocates:
     * threads it started (Python's) allocate on their own, and a measure sees all of its context.
     */
    static final long MEASURE_EVERY_MILLIS = 5_000;
    /**
     * An execution that could be over its limit is looked at again (a full collection) at least this
     * often, whatever it was found to keep of its allocation: a program that kept little at first and
     * then holds much and waits causes no collection, and would never look over between them.
     */
    static final long CONFIRM_EVERY_MILLIS = 5_000;
    private static final long MIN_CONFIRM_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long MAX_CONFIRM_GAP_NANOS = TimeUnit.SECONDS.toNanos(4);

    private final com.sun.management.ThreadMXBean threads;
    private final List<MemoryPoolMXBean> heapPools = new ArrayList<>();
    private final List<MemoryPoolMXBean> measuredPools = new ArrayList<>();
    private final long maxHeap;
    private final boolean explicitGcWorks;
    private final List<Runnable> unsubscribe = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corral-heap-guard");
        t.setDaemon(true);
        return t;
    });
    /**
     * Measures executions' contexts, never on the timer: a measure takes from milliseconds to
     * seconds, and waits for the measured guest to reach a safepoint (a guest in a long host call
     * delays its own measure, not the others'). At most one measure per running execution at a time.
     */
    private final ExecutorService measurer = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "corral-heap-measure");
        t.setDaemon(true);
        return t;
    });
    private final boolean enforcing;

    // guarded by this
    private final List<Watch> running = new ArrayList<>();
    private final List<Watch> lingering = new ArrayList<>();
    private long baseline;
    /**
     * Whether the baseline is a guess (a collection found less in use than it), until a collection
     * while nothing runs sets it again: the shares measured against it may be too small, so they
     * never teach the guard that an execution keeps less of what it allocates.
     */
    private boolean baselineGuessed;
    private ScheduledFuture<?> polling;
    private long lastCollection = System.nanoTime();
    private boolean confirmPending;
    private long nextConfirmAllowed = System.nanoTime();
    private long nextUrgentConfirmAllowed = System.nanoTime();
    private long confirmGap = MIN_CONFIRM_GAP_NANOS;
    private boolean closed;

    private HeapGuard() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean hotspot = t instanceof com.sun.management.ThreadMXBean h
                && h.isThreadAllocatedMemorySupported() ? h : null;
        if (hotspot != null && !hotspot.isThreadAllocatedMemoryEnabled()) {
            hotspot.setThreadAllocatedMemoryEnabled(true);
        }
        this.threads = hotspot;
        long afterLast = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool);
            }
            // after a collection, eden holds only what was allocated since: not yet judged
            if (pool.getType() == MemoryType.HEAP && !pool.getName().contains("Eden")) {
                measuredPools.add(pool);
                MemoryUsage after = pool.getCollectionUsage();
                afterLast += after != null ? after.getUsed() : pool.getUsage().getUsed();
            }
        }
        this.baseline = afterLast;
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        this.maxHeap = max > 0 ? max : Runtime.getRuntime().maxMemory();
        this.explicitGcWorks = !vmFlag("DisableExplicitGC");
        boolean listening = false;
        if (threads != null) {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    NotificationListener listener = this::collected;
                    emitter.addNotificationListener(listener, null, null);
                    unsubscribe.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (ListenerNotFoundException e) {
                            // removed already
                        }
                    });
                    listening = true;
                }
            }
        }
        this.enforcing = listening;
        if (!listening) {
            LOG.warning("this JVM reports no per-thread allocation or no collections: memory limits are not enforced "
                    + "(an execution that exhausts the heap still ends as over its memory limit)");
        }
    }

    /** A guard listening to this JVM's collections until {@link #close closed}. */
    public static HeapGuard start() {
        return new HeapGuard();
    }

    /** Whether this JVM lets the guard see collections and per-thread allocation (HotSpot does). */
    public boolean enforcing() {
        return enforcing;
    }

    /**
     * Watches the execution running on {@code guestThread} until the watch is closed: once it is
     * found holding more than {@code limitBytes}, {@code onBreach} runs once, on one of the guard's
     * threads (it must not block: stop the guest from another thread).
     */
    public Watch watch(Thread guestThread, long limitBytes, Runnable onBreach) {
        return watch(guestThread, limitBytes, null, onBreach);
    }

    /**
     * What one execution holds, measured directly (its context's retained heap, less a fresh
     * context's: {@link ContextHeap}): {@code heldBytes(limit)} counts no further than just past
     * {@code limit}, and is negative when it cannot tell. Called on the guard's measuring thread.
     */
    @FunctionalInterface
    public interface Measure {
        long heldBytes(long limitBytes);
    }

    /**
     * As {@link #watch(Thread, long, Runnable)}, for an execution whose holding can be measured
     * directly ({@code measure} non-null): it is measured each time it could have passed its limit
     * since it was last measured (it allocated that much), and stopped only when a measure finds it
     * over. The heap as a whole then only decides for it when the heap is nearly full (the safety
     * rule), or once {@code measure} could not tell.
     */
    public Watch watch(Thread guestThread, long limitBytes, Measure measure, Runnable onBreach) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("limitBytes must be positive, got " + limitBytes);
        }
        Watch w = new Watch(guestThread.threadId(), guestThread.getName(), limitBytes, measure, onBreach);
        synchronized (this) {
            if (!enforcing || closed) {
                return w;
            }
            running.add(w);
            if (polling == null) {
                try {
                    polling = timer.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // closing
                }
            }
        }
        return w;
    }

    /** The heap of one running execution under watch. */
    public final class Watch implements AutoCloseable {
        private final long threadId;
        private final String threadName;
        private final long limitBytes;
        /**
         * Dropped when the watch closes if the execution was measured: it reaches the execution's
         * context, and a finished execution must not keep it alive. (Unmeasured, the linger below
         * counts on the context still holding its memory; it is released when the linger ends.)
         */
        private volatile Runnable onBreach;
        /** Null: not measured (none, or it could not tell); dropped when the watch closes. */
        private volatile Measure measure;
        private final long allocatedAtStart;
        private volatile boolean breached;
        // guarded by HeapGuard.this
        private long allocated;
        private long closedAt;
        private long heldAfterClose;
        private long shareAtCollection;
        private long allocatedAtCollection;
        private long confirmedShare;
        private long allocatedAtConfirmed;
        /** What its last direct measure found it holding (-1: none yet), and what it had allocated by then. */
        private long measuredHeld = -1;
        private long allocatedAtMeasure;
        private boolean measuring;
        private long nextMeasureAt = System.nanoTime();
        private long lastMeasureAt = System.nanoTime();
        /** The part of its allocation it kept between its last two complete measures (at first: all). */
        private double keeps = 1;
        /** When a complete measure last judged it (at first: when its watch began). */
        private long confirmedAt = System.nanoTime();

        private Watch(long threadId, String threadName, long limitBytes, Measure measure, Runnable onBreach) {
            this.threadId = threadId;
            this.threadName = threadName;
            this.limitBytes = limitBytes;
            this.measure = measure;
            this.onBreach = onBreach;
            this.allocatedAtStart = threads == null ? 0 : Math.max(0, threads.getThreadAllocatedBytes(threadId));
        }

        /** The most it can hold now: what it allocated, and no more than its limit unless it was caught. */
        private long canHold() {
            long most = breached ? allocated : Math.min(allocated, limitBytes);
            // and no more than it was measured holding, and all it allocated since
            return measuredHeld < 0 ? most : Math.min(most, measuredHeld + allocated - allocatedAtMeasure);
        }

        /** The most it can hold by its last direct measure (by all it allocated before one). */
        private long measuredBound() {
            return measuredHeld < 0 ? allocated : measuredHeld + allocated - allocatedAtMeasure;
        }

        /**
         * A complete measure found it holding {@code share}; against a guessed baseline
         * ({@code trusted} false) the share may be too small, and what it keeps is only ever raised.
         */
        private void confirmed(long share, boolean trusted) {
            long allocatedSince = allocated - allocatedAtConfirmed;
            if (allocatedSince > 0) {
                double kept = Math.max(MIN_KEEPS, Math.min(1, (double) (share - confirmedShare) / allocatedSince));
                keeps = trusted ? kept : Math.max(keeps, kept);
            }
            confirmedShare = share;
            allocatedAtConfirmed = allocated;
            confirmedAt = System.nanoTime();
        }

        /** What it likely holds now: what it was last found holding, and the part it keeps of what it allocated since. */
        private long expectedShare() {
            return confirmedShare + (long) (keeps * (allocated - allocatedAtConfirmed));
        }

        /** Whether the execution was found over its limit (and {@code onBreach} ran). */
        public boolean breached() {
            return breached;
        }

        /** What the watched thread allocated since the watch began (not what it holds). */
        public long allocatedBytes() {
            if (threads == null) {
                return 0;
            }
            long now = threads.getThreadAllocatedBytes(threadId);
            return now < 0 ? 0 : Math.max(0, now - allocatedAtStart);
        }

        /** Ends the watch; what the execution held still counts as its own for a moment, until its context is gone. */
        @Override
        public void close() {
            long alloc = allocatedBytes();
            synchronized (HeapGuard.this) {
                if (measure != null) {
                    measure = null;
                    onBreach = null;
                }
                if (!running.remove(this)) {
                    return;
                }
                allocated = Math.max(allocated, alloc);
                // it held at most what it allocated, and at most its limit unless it was caught
                heldAfterClose = canHold();
                if (heldAfterClose > 0) {
                    closedAt = System.nanoTime();
                    lingering.add(this);
                }
            }
        }

        @Override
        public String toString() {
            return threadName + " (" + (allocated >> 20) + " MiB allocated, limit " + (limitBytes >> 20) + " MiB"
                    + (breached ? ", breached" : "") + ")";
        }
    }

    // ---- measuring -------------------------------------------------------------------------------

    private void collected(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        try {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) n.getUserData());
            if (!collects(info.getGcName())) {
                return;
            }
            Map<String, MemoryUsage> afterGc = info.getGcInfo().getMemoryUsageAfterGc();
            long after = 0;
            for (MemoryPoolMXBean pool : measuredPools) {
                MemoryUsage u = afterGc.get(pool.getName());
                after += u == null ? 0 : u.getUsed();
            }
            // a full collection (or the one the guard asked for) leaves no garbage behind
            boolean complete = info.getGcAction().contains("major") || "System.gc()".equals(info.getGcCause())
                    || !explicitGcWorks;
            Watch culprit;
            synchronized (this) {
                culprit = judge(after, complete, info.getGcName());
            }
            breach(culprit);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the heap guard could not read a collection", e);
        }
    }

    /**
     * Whether a collector's notifications follow a collection. G1's concurrent cycle (like the
     * pauses of ZGC and Shenandoah) reports pauses in the middle of marking, when the old generation
     * still holds every large array allocated since the last collection.
     */
    private static boolean collects(String gcName) {
        return !gcName.contains("Concurrent") && !gcName.endsWith("Pauses");
    }

    /** Between collections: the whole heap as it is now, garbage included. */
    private void poll() {
        Watch culprit;
        synchronized (this) {
            expireLingering(System.nanoTime());
            if (running.isEmpty()) {
                if (lingering.isEmpty() && polling != null) {
                    polling.cancel(false);
                    polling = null;
                    confirmGap = MIN_CONFIRM_GAP_NANOS;
                }
                return;
            }
            measureSuspects();
            if (System.nanoTime() - lastCollection < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                // collections come often: their measures tell more than a reading with garbage in it
                return;
            }
            long inUse = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                inUse += pool.getUsage().getUsed();
            }
            culprit = judge(inUse, false, null);
        }
        breach(culprit);
    }

    /**
     * One measure of the heap in use, young allocations aside; {@code complete} when it holds no
     * garbage. Returns the execution to stop, if any; asks for a full collection when only a
     * complete measure can tell. Called holding this.
     */
    private Watch judge(long inUse, boolean complete, String collector) {
        long now = System.nanoTime();
        expireLingering(now);
        if (running.isEmpty() && lingering.isEmpty()) {
            baseline = inUse;
            baselineGuessed = false;
            return null;
        }
        long allocations = 0;
        long canHold = 0;
        long leaving = 0;
        for (Watch w : running) {
            w.allocated = Math.max(w.allocated, w.allocatedBytes());
            allocations += w.allocated;
            canHold += w.canHold();
            leaving += w.breached ? w.allocated : 0;
        }
        for (Watch w : lingering) {
            allocations += w.heldAfterClose;
            canHold += w.heldAfterClose;
            leaving += w.heldAfterClose;
        }
        // whether the baseline had to be guessed: then what an execution holds is unknown, and this
        // measure teaches nothing about how much of its allocation it keeps
        boolean guessed = false;
        if (collector != null) {
            lastCollection = now;
            if (inUse < baseline) {
                // the baseline counted garbage that is gone now; what the executions hold of the measure
                // is unknown: at most what they could hold, taken to be half of it
                baseline = inUse - canHold / 2;
                guessed = true;
                baselineGuessed = true;
            }
            // the executions hold at most what they allocated: the rest of the measure is the host's
            baseline = Math.max(baseline, inUse - allocations);
        }
        long growth = inUse - baseline;
        // memory about to be released (executions stopped or over) does not make the heap unsafe yet
        boolean unsafe = inUse - leaving > maxHeap / 100 * SAFETY_PERCENT;
        if (collector != null && LOG.isLoggable(Level.FINE)) {
            LOG.fine(String.format("%s: %d MiB in use (%s), baseline %d MiB, growth %d MiB; running %s, lingering %d",
                    collector, inUse >> 20, complete ? "complete" : "may hold garbage", baseline >> 20, growth >> 20,
                    running, lingering.size()));
        }
        // an execution's share: the growth less the most the others can hold (what they allocated, and
        // within their limits unless caught); it is over when that share is more than its limit, and it
        // allocated more than its limit too. Several over: the biggest allocator
        Watch culprit = null;
        long culpritShare = 0;
        for (Watch w : running) {
            long share = growth - (canHold - w.canHold());
            if (collector != null) {
                w.shareAtCollection = Math.max(0, share);
                w.allocatedAtCollection = w.allocated;
            } else {
                // between collections it holds at most what it held then and what it allocated since
                share = Math.min(share, w.shareAtCollection + w.allocated - w.allocatedAtCollection);
            }
            if (complete && !guessed) {
                w.confirmed(Math.max(0, share), !baselineGuessed);
            }
            if (w.breached || w.allocated <= w.limitBytes || w.measure != null) {
                // measured executions are judged by their measures (measureSuspects)
                continue;
            }
            if (collector == null && w.expectedShare() <= w.limitBytes
                    && now - w.confirmedAt < TimeUnit.MILLISECONDS.toNanos(CONFIRM_EVERY_MILLIS)) {
                // a reading with all the garbage since the last collection in it, and what the execution
                // kept of its allocation so far does not make it likely over: no full collection for a
                // program that allocates much and keeps little (but one now and then: what it kept is
                // a lesson from the past, and a program that then holds much and waits causes none)
                continue;
            }
            if (share > w.limitBytes && (culprit == null || w.allocated > culprit.allocated)) {
                culprit = w;
                culpritShare = share;
            }
        }
        if (unsafe && culprit == null) {
            for (Watch w : running) {
                if (!w.breached && w.allocated > 0 && (culprit == null || w.allocated > culprit.allocated)) {
                    culprit = w;
                    culpritShare = growth - (canHold - w.canHold());
                }
            }
        }
        if (culprit == null) {
            if (complete && !guessed) {
                // a full collection that found nothing: the next waits longer (a program that allocates
                // much more than its limit and holds little would otherwise cost one every moment)
                confirmGap = Math.min(MAX_CONFIRM_GAP_NANOS, confirmGap * 2);
            }
            return null;
        }
        if (!complete) {
            confirm(now, unsafe);
            return null;
        }
        confirmGap = MIN_CONFIRM_GAP_NANOS;
        culprit.breached = true;
        LOG.info(String.format("stopping %s: it holds about %d MiB (the heap %s %d MiB of %d MiB)", culprit,
                Math.max(0, culpritShare) >> 20, unsafe ? "is nearly full:" : "holds", inUse >> 20, maxHeap >> 20));
        return culprit;
    }

    /**
     * Measures, on the measuring threads (one measure per execution at a time), each measured
     * execution that could have passed its limit since its last measure (it allocated that much) or
     * was last measured {@value #MEASURE_EVERY_MILLIS} ms ago, unless its last measure was too
     * recent ({@value #MEASURE_GAP_FACTOR} times its duration). Called holding this.
     */
    private void measureSuspects() {
        long now = System.nanoTime();
        for (Watch w : running) {
            Measure m = w.measure;
            if (m == null || w.breached || w.measuring || now - w.nextMeasureAt < 0) {
                continue;
            }
            w.allocated = Math.max(w.allocated, w.allocatedBytes());
            if (w.measuredBound() <= w.limitBytes
                    && now - w.lastMeasureAt < TimeUnit.MILLISECONDS.toNanos(MEASURE_EVERY_MILLIS)) {
                continue;
            }
            w.measuring = true;
            long allocatedBefore = w.allocated;
            try {
                measurer.execute(() -> measured(w, m, allocatedBefore));
            } catch (RejectedExecutionException e) {
                w.measuring = false; // closing
            }
        }
    }

    /** On the measuring thread: measures one execution and stops it if it holds more than its limit. */
    private void measured(Watch w, Measure m, long allocatedBefore) {
        long t0 = System.nanoTime();
        long held;
        try {
            held = m.heldBytes(w.limitBytes);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "measuring " + w + " failed", e);
            held = -1;
        }
        long took = System.nanoTime() - t0;
        synchronized (this) {
            w.measuring = false;
            if (!running.contains(w) || w.breached) {
                return;
            }
            if (held < 0) {
                // it cannot be measured: the heap as a whole decides for it from now on
                w.measure = null;
                LOG.fine(w + " cannot be measured: the heap as a whole decides for it");
                return;
            }
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine(String.format("%s holds %d MiB (measured in %d ms)", w, held >> 20, took / 1_000_000));
            }
            if (held <= w.limitBytes) {
                w.measuredHeld = held;
                w.allocatedAtMeasure = allocatedBefore;
                w.lastMeasureAt = System.nanoTime();
                w.nextMeasureAt = w.lastMeasureAt + MEASURE_GAP_FACTOR * took;
                return;
            }
            w.breached = true;
            LOG.info(String.format("stopping %s: its context holds more than %d MiB beyond a fresh one's (measured in %d ms)",
                    w, w.limitBytes >> 20, took / 1_000_000));
        }
        breach(w);
    }

    private static void breach(Watch culprit) {
        Runnable action = culprit == null ? null : culprit.onBreach;
        if (action == null) {
            return; // none, or its watch closed meanwhile
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stopping an execution over its memory limit failed", e);
        }
    }

    /** Asks for a full collection, so that the next measure holds no garbage; one at a time, rate-limited. */
    private void confirm(long now, boolean urgent) {
        if (confirmPending || closed || now - (urgent ? nextUrgentConfirmAllowed : nextConfirmAllowed) < 0) {
            return;
        }
        confirmPending = true;
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("a full collection to confirm a suspected breach" + (urgent ? " (the heap is nearly full)" : "")
                    + "; running " + running);
        }
        try {
            timer.execute(() -> {
                long t0 = System.nanoTime();
                try {
                    System.gc();
                } finally {
                    long took = System.nanoTime() - t0;
                    synchronized (HeapGuard.this) {
                        confirmPending = false;
                        // never more than a third of the time in these collections, less while they find nothing
                        long end = System.nanoTime();
                        nextConfirmAllowed = end + Math.max(2 * took, confirmGap);
                        // a nearly full heap is looked at again at once, but not in every collection
                        nextUrgentConfirmAllowed = end + took;
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            confirmPending = false;
        }
    }

    private void expireLingering(long now) {
        lingering.removeIf(w -> now - w.closedAt > TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS));
    }

    private static boolean vmFlag(String name) {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption(name).getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Stops listening; watches still open are no longer judged. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running.clear();
            lingering.clear();
        }
        unsubscribe.forEach(Runnable::run);
        timer.shutdownNow();
        measurer.shutdownNow();
    }
}
