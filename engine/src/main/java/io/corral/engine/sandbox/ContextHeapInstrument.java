package io.corral.engine.sandbox;

import com.oracle.truffle.api.TruffleContext;
import com.oracle.truffle.api.instrumentation.TruffleInstrument;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Truffle instrument that measures the heap one guest context retains: the primitive
 * ({@code Env.calculateContextHeapSize}) that GraalVM's own per-context heap limit builds on. The
 * host reaches it through {@link ContextHeap}; it is registered by
 * {@link ContextHeapInstrumentProvider} (allowed in untrusted sandboxes: it changes nothing the
 * guest can see) and created only when an engine looks it up.
 */
public final class ContextHeapInstrument extends TruffleInstrument {

    /** The instrument's id in {@code Engine.getInstruments()}. */
    public static final String ID = "corral-context-heap";

    /** What the host asks the instrument for; one per engine. */
    public static final class Service {
        private final Env env;

        private Service(Env env) {
            this.env = env;
        }

        /** The context entered on the calling thread (an opaque handle for {@link #retainedBytes}), or null. */
        public Object enteredContext() {
            return env.getEnteredContext();
        }

        /**
         * The heap {@code context} (a handle from {@link #enteredContext}) retains, counting stops
         * once it reaches {@code stopAtBytes}. Runs on the calling thread while the guest runs on
         * its own.
         *
         * @throws UnsupportedOperationException without the optimizing Truffle runtime (the Graal compiler)
         */
        public long retainedBytes(Object context, long stopAtBytes) {
            return env.calculateContextHeapSize((TruffleContext) context, stopAtBytes, new AtomicBoolean());
        }
    }

    @Override
    protected void onCreate(Env env) {
        env.registerService(new Service(env));
    }
}
