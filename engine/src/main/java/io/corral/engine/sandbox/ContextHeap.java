package io.corral.engine.sandbox;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.Instrument;

import java.util.logging.Logger;

/**
 * Measures the heap a guest context retains, through {@link ContextHeapInstrument}: one per
 * GraalVM engine. Available with the optimizing Truffle runtime (the Graal compiler, as
 * {@code ./corral} starts the JVM); without it (guest code interpreted, as in the engine's unit
 * tests) every measure is {@code -1} and the heap guard falls back to reading the whole heap.
 */
public final class ContextHeap {

    private static final Logger LOG = Logger.getLogger(ContextHeap.class.getName());

    /** Cleared the first time the runtime says it cannot measure: it never will in this JVM. */
    private static volatile boolean supported = true;

    private final ContextHeapInstrument.Service service;
    private final java.util.function.Supplier<Context> emptyContext;
    private volatile Context measuring;

    private ContextHeap(ContextHeapInstrument.Service service, java.util.function.Supplier<Context> emptyContext) {
        this.service = service;
        this.emptyContext = emptyContext;
    }

    /**
     * The measure for contexts of {@code engine}. A measure walks the measured context's threads'
     * stacks, which Truffle does only for a thread that has a context of its own entered: the
     * measuring thread enters one made by {@code emptyContext} (of the same engine; no language is
     * ever started in it), made on first use and closed with the engine.
     */
    public static ContextHeap of(Engine engine, java.util.function.Supplier<Context> emptyContext) {
        Instrument instrument = engine.getInstruments().get(ContextHeapInstrument.ID);
        ContextHeapInstrument.Service service = instrument == null ? null
                : instrument.lookup(ContextHeapInstrument.Service.class);
        if (service == null) {
            LOG.fine("the context heap instrument is not installed: contexts are not measured");
        }
        return new ContextHeap(service, emptyContext);
    }

    /** Whether measures may work (false once one found the runtime unable to). */
    public boolean available() {
        return service != null && supported;
    }

    /** A handle on {@code context} for {@link #retainedBytes} (enters and leaves it); null when none can be had. */
    public Object handle(Context context) {
        if (!available()) {
            return null;
        }
        context.enter();
        try {
            return service.enteredContext();
        } finally {
            context.leave();
        }
    }

    private Context measuring() {
        Context c = measuring;
        if (c == null) {
            synchronized (this) {
                c = measuring;
                if (c == null) {
                    c = emptyContext.get();
                    measuring = c;
                }
            }
        }
        return c;
    }

    /**
     * The heap the context behind {@code handle} retains, counting no further than
     * {@code stopAtBytes}; -1 when it cannot be measured. Takes tens to hundreds of milliseconds
     * for a context at rest (more for one holding many objects): call it off the guest's thread.
     */
    public long retainedBytes(Object handle, long stopAtBytes) {
        if (handle == null || !available()) {
            return -1;
        }
        try {
            Context own = measuring();
            own.enter();
            try {
                return service.retainedBytes(handle, stopAtBytes);
            } finally {
                own.leave();
            }
        } catch (UnsupportedOperationException e) {
            // the fallback runtime (no Graal compiler): the heap guard reads the whole heap instead
            supported = false;
            LOG.fine("contexts cannot be measured in this JVM (" + e.getMessage() + ")");
            return -1;
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the context closed meanwhile
            LOG.fine("a context could not be measured: " + e);
            return -1;
        }
    }
}
