package io.corral.server.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Which API key started which execution, and from what request: the record that lets a client's
 * retry attach to the execution its first attempt started instead of running the code again.
 * Kept in the database, so the match works across server instances that share it. Its rows
 * live as long as the executions they name: pruning the execution history prunes them too.
 */
public interface RequestLedger {

    /**
     * Records that {@code executionId} was started for {@code apiKeyId} (null without
     * authentication) by a request whose method, path and body hash to {@code requestHash}.
     */
    void started(String executionId, String apiKeyId, String requestHash, Instant at);

    /**
     * The newest execution started for this key and request hash at or after {@code since} (at any
     * time when {@code since} is null). A null {@code apiKeyId} matches only executions started
     * without a key.
     */
    Optional<String> find(String apiKeyId, String requestHash, Instant since);

    /** The id of the API key that started the execution, if it was started by one. */
    Optional<String> apiKeyId(String executionId);
}
