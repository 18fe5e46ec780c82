package io.corral.server.store;

import io.corral.api.Execution;
import io.corral.engine.spi.ExecutionStore;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ExecutionStore} in the {@code executions} table: a row per execution with the columns
 * listing and pruning need (id, language, type, exit code, start time) and the whole record as
 * JSON in {@link ExecutionCodec}'s format, so {@link #get} returns an execution equal to the one
 * recorded. Every call reads the database; nothing is cached.
 *
 * <pre>{@code
 * ExecutionStore executions = stores.executions();
 * executions.record(execution);
 * executions.list(null, 100, true);            // failures, ascending id
 * executions.prune(10_000, now.minus(Duration.ofDays(30)));
 * }</pre>
 *
 * <p>Semantics are the engine's {@code InMemoryExecutionStore}'s: recording an id again replaces
 * the record; a limit of 0 or less lists nothing; pruning drops the oldest ids beyond
 * {@code maxCount} (all of them when it is 0 or less), then those started before
 * {@code startedBefore}. Pruning also drops the {@linkplain SqlRequestLedger ledger} rows of the
 * same ids and start times, so the ledger lives exactly as long as the history.
 */
public final class SqlExecutionStore implements ExecutionStore {

    private final Database db;
    private final ExecutionCodec codec;

    SqlExecutionStore(Database db, ExecutionCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    @Override
    public void record(Execution e) {
        String json = codec.encode(e);
        long startedAt = Database.epochNanos(e.startedAt());
        db.write("recording execution " + e.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO executions "
                    + "(id, language, type, exit_code, started_at, record_json) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (id) DO UPDATE SET language = excluded.language, type = excluded.type, "
                    + "exit_code = excluded.exit_code, started_at = excluded.started_at, "
                    + "record_json = excluded.record_json")) {
                ps.setString(1, e.id());
                ps.setString(2, e.language().wireName());
                ps.setString(3, e.type().wireName());
                ps.setInt(4, e.exitCode());
                ps.setLong(5, startedAt);
                ps.setString(6, json);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Execution> get(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Optional<String> json = db.read("reading execution " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT record_json FROM executions WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
        return json.map(codec::decode);
    }

    @Override
    public List<Execution> list(String startingAfter, int limit, boolean onlyNonZeroExitCodes) {
        if (limit <= 0) {
            return new ArrayList<>();
        }
        List<String> rows = db.read("listing executions", c -> {
            List<String> where = new ArrayList<>();
            if (startingAfter != null) {
                where.add("id > ?");
            }
            if (onlyNonZeroExitCodes) {
                where.add("exit_code <> 0");
            }
            String sql = "SELECT record_json FROM executions" + (where.isEmpty() ? "" : " WHERE "
                    + String.join(" AND ", where)) + " ORDER BY id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (startingAfter != null) {
                    ps.setString(i++, startingAfter);
                }
                ps.setInt(i, limit);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
        List<Execution> out = new ArrayList<>(rows.size());
        rows.forEach(json -> out.add(codec.decode(json)));
        return out;
    }

    @Override
    public void prune(int maxCount, Instant startedBefore) {
        db.write("pruning executions", c -> {
            String cutoff = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM executions ORDER BY id DESC LIMIT 1 OFFSET ?")) {
                ps.setInt(1, Math.max(maxCount, 0));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        cutoff = rs.getString(1);
                    }
                }
            }
            if (cutoff != null) {
                deleteWhere(c, "executions", "id <= ?", cutoff);
                deleteWhere(c, "request_ledger", "execution_id <= ?", cutoff);
            }
            if (startedBefore != null) {
                long before = Database.epochNanosBound(startedBefore);
                deleteWhere(c, "executions", "started_at < ?", before);
                deleteWhere(c, "request_ledger", "started_at < ?", before);
            }
            return null;
        });
    }

    private static void deleteWhere(java.sql.Connection c, String table, String condition, Object value)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + condition)) {
            ps.setObject(1, value);
            ps.executeUpdate();
        }
    }
}
