package io.corral.engine.sandbox;

import com.oracle.truffle.api.instrumentation.TruffleInstrument;
import com.oracle.truffle.api.instrumentation.provider.TruffleInstrumentProvider;
import org.graalvm.polyglot.SandboxPolicy;

import java.util.Collection;
import java.util.List;

/**
 * Registers {@link ContextHeapInstrument} with Truffle (found through
 * {@code META-INF/services}); written by hand, as Truffle's annotation processor would.
 */
@TruffleInstrument.Registration(id = ContextHeapInstrument.ID, name = "Corral context heap", version = "1",
        services = ContextHeapInstrument.Service.class, sandbox = SandboxPolicy.UNTRUSTED)
public final class ContextHeapInstrumentProvider extends TruffleInstrumentProvider {

    @Override
    protected String getInstrumentClassName() {
        return ContextHeapInstrument.class.getName();
    }

    @Override
    protected Object create() {
        return new ContextHeapInstrument();
    }

    @Override
    protected Collection<String> getServicesClassNames() {
        return List.of(ContextHeapInstrument.Service.class.getName());
    }
}
