package io.corral.engine.secrets;

import io.corral.engine.spi.SecretStore;
import io.corral.api.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link SecretStore} in process memory, values in plain Java strings; lost when the JVM exits.
 *
 * <pre>{@code
 * ExecutionEngine.newBuilder().secretStore(new InMemorySecretStore());
 * }</pre>
 */
public final class InMemorySecretStore implements SecretStore {

    private record Entry(Secret secret, String value) {
        @Override
        public String toString() {
            return secret.toString();
        }
    }

    private final ConcurrentSkipListMap<String, Entry> byId = new ConcurrentSkipListMap<>();

    @Override
    public void insert(Secret secret, String value) {
        if (byId.putIfAbsent(secret.id(), new Entry(secret, value)) != null) {
            throw new IllegalStateException("secret id " + secret.id() + " is already stored");
        }
    }

    @Override
    public Optional<String> value(String id) {
        Entry e = id == null ? null : byId.get(id);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    @Override
    public List<Secret> list(String startingAfter, int limit) {
        List<Secret> out = new ArrayList<>();
        for (Entry e : (startingAfter == null ? byId : byId.tailMap(startingAfter, false)).values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(e.secret());
        }
        return out;
    }
}
