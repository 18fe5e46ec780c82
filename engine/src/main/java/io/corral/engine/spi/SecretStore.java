package io.corral.engine.spi;

import io.corral.api.Secret;

import java.util.List;
import java.util.Optional;

/**
 * Where secrets live. Narrow so a database (or a vault) can implement it: a secret is written once,
 * its value is read only by id at run time, and listing returns names, never values, by id cursor
 * in ascending id order. Implementations must be thread-safe.
 */
public interface SecretStore {

    /** Stores a new secret; its id is new. */
    void insert(Secret secret, String value);

    /** The value of the secret with this id, for the host to put into a run's environment. */
    Optional<String> value(String id);

    /** Up to {@code limit} secrets with an id greater than {@code startingAfter} (all when null), ascending. */
    List<Secret> list(String startingAfter, int limit);
}
