package io.corral.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link RequestLedger} in the {@code request_ledger} table, indexed on
 * {@code (api_key_id, request_hash, started_at)}. Servers sharing the database share the ledger,
 * so a retry that reaches another server still finds the first attempt's execution.
 *
 * <pre>{@code
 * ledger.started(executionId, apiKeyId, hash, now);
 * ledger.find(apiKeyId, hash, now.minus(Duration.ofMinutes(10)));   // the retry's execution, if any
 * }</pre>
 *
 * <p>A null {@code apiKeyId} (a server without authentication) is a key of its own: it matches
 * only rows recorded without a key. Rows are dropped with their executions by
 * {@link SqlExecutionStore#prune}; a server that keeps no history drops them with
 * {@link #forgetStartedBefore}.
 */
public final class SqlRequestLedger implements RequestLedger {

    private final Database db;

    SqlRequestLedger(Database db) {
        this.db = db;
    }

    /** @throws IllegalStateException when this execution id is already in the ledger */
    @Override
    public void started(String executionId, String apiKeyId, String requestHash, Instant at) {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(requestHash, "requestHash");
        long startedAt = Database.epochNanos(Objects.requireNonNull(at, "at"));
        db.write("recording the request of execution " + executionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO request_ledger (execution_id, api_key_id, request_hash, started_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, executionId);
                ps.setString(2, apiKeyId);
                ps.setString(3, requestHash);
                ps.setLong(4, startedAt);
                ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new IllegalStateException("execution " + executionId + " is already in the request ledger", e);
                }
                throw e;
            }
            return null;
        });
    }

    /** The newest match at or after {@code since} (any time when null); among equal times, the highest id. */
    @Override
    public Optional<String> find(String apiKeyId, String requestHash, Instant since) {
        if (requestHash == null) {
            return Optional.empty();
        }
        return db.read("looking up a request in the ledger", c -> {
            String sql = "SELECT execution_id FROM request_ledger WHERE "
                    + (apiKeyId == null ? "api_key_id IS NULL" : "api_key_id = ?")
                    + " AND request_hash = ?" + (since == null ? "" : " AND started_at >= ?")
                    + " ORDER BY started_at DESC, execution_id DESC LIMIT 1";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (apiKeyId != null) {
                    ps.setString(i++, apiKeyId);
                }
                ps.setString(i++, requestHash);
                if (since != null) {
                    ps.setLong(i, Database.epochNanosBound(since));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<String> apiKeyId(String executionId) {
        if (executionId == null) {
            return Optional.empty();
        }
        return db.read("reading the API key of execution " + executionId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT api_key_id FROM request_ledger WHERE execution_id = ?")) {
                ps.setString(1, executionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Drops the rows of requests started before {@code before}; returns how many. */
    public int forgetStartedBefore(Instant before) {
        long bound = Database.epochNanosBound(Objects.requireNonNull(before, "before"));
        return db.write("pruning the request ledger", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM request_ledger WHERE started_at < ?")) {
                ps.setLong(1, bound);
                return ps.executeUpdate();
            }
        });
    }
}
