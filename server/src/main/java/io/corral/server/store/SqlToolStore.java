package io.corral.server.store;

import io.corral.api.Language;
import io.corral.api.Tool;
import io.corral.engine.spi.ToolStore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ToolStore} in the {@code tools} and {@code tool_revisions} tables: a row per tool naming
 * its current revision, and a row per revision, every one readable by id for as long as the tool
 * exists. Every call reads the database, so servers sharing it see each other's tools at once.
 *
 * <pre>{@code
 * ToolStore tools = stores.tools();
 * tools.insert(v1);
 * tools.replace(v2, v1.revisionId());   // false, changing nothing, if someone else updated first
 * tools.revision(v1.id(), v1.revisionId());   // still there
 * }</pre>
 *
 * <p><b>Tool names are not unique here.</b> Riza's contract allows two tools with one name, and
 * this store follows it: {@link #insert} and {@link #replace} never throw {@code ALREADY_EXISTS}
 * (unlike the engine's {@code InMemoryToolStore}, which keeps names unique per engine).
 *
 * <p>{@link #replace} is a compare-and-set on the current revision id, in one transaction that
 * takes the database's write lock first, so it holds across threads and processes. Every field of
 * {@link Tool} is stored as given; {@code input_schema} is kept as the exact JSON text.
 */
public final class SqlToolStore implements ToolStore {

    private static final String REVISION_COLUMNS =
            "r.tool_id, r.revision_id, r.name, r.description, r.code, r.language, r.input_schema, r.warm_instances";

    private final Database db;

    SqlToolStore(Database db) {
        this.db = db;
    }

    /** @throws IllegalStateException when a tool with this id, or a revision with this revision id, is already stored */
    @Override
    public void insert(Tool tool) {
        db.write("storing tool " + tool.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tools (id, current_revision_id) VALUES (?, ?)")) {
                ps.setString(1, tool.id());
                ps.setString(2, tool.revisionId());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new IllegalStateException("tool id " + tool.id() + " is already stored", e);
                }
                throw e;
            }
            insertRevision(c, tool);
            return null;
        });
    }

    /**
     * Makes {@code revision} current if the tool's current revision is still
     * {@code expectedRevisionId}; false (changing nothing) when it is not, or when there is no
     * such tool.
     *
     * @throws IllegalStateException when a revision with this revision id is already stored
     */
    @Override
    public boolean replace(Tool revision, String expectedRevisionId) {
        return db.write("updating tool " + revision.id(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tools SET current_revision_id = ? WHERE id = ? AND current_revision_id = ?")) {
                ps.setString(1, revision.revisionId());
                ps.setString(2, revision.id());
                ps.setString(3, expectedRevisionId);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            insertRevision(c, revision);
            return true;
        });
    }

    private static void insertRevision(Connection c, Tool t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tool_revisions "
                + "(revision_id, tool_id, name, description, code, language, input_schema, warm_instances) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.revisionId());
            ps.setString(2, t.id());
            ps.setString(3, t.name());
            ps.setString(4, t.description());
            ps.setString(5, t.code());
            ps.setString(6, t.language().wireName());
            ps.setString(7, t.inputSchemaJson());
            ps.setInt(8, t.warmInstances() ? 1 : 0);
            ps.executeUpdate();
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw new IllegalStateException("tool revision id " + t.revisionId() + " is already stored", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Tool> current(String toolId) {
        if (toolId == null) {
            return Optional.empty();
        }
        return db.read("reading tool " + toolId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REVISION_COLUMNS + " FROM tools t "
                    + "JOIN tool_revisions r ON r.revision_id = t.current_revision_id WHERE t.id = ?")) {
                ps.setString(1, toolId);
                return one(ps);
            }
        });
    }

    @Override
    public Optional<Tool> revision(String toolId, String revisionId) {
        if (toolId == null || revisionId == null) {
            return Optional.empty();
        }
        return db.read("reading revision " + revisionId + " of tool " + toolId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + REVISION_COLUMNS
                    + " FROM tool_revisions r WHERE r.revision_id = ? AND r.tool_id = ?")) {
                ps.setString(1, revisionId);
                ps.setString(2, toolId);
                return one(ps);
            }
        });
    }

    @Override
    public List<Tool> list(String startingAfter, int limit) {
        if (limit <= 0) {
            return new ArrayList<>();
        }
        return db.read("listing tools", c -> {
            String sql = "SELECT " + REVISION_COLUMNS + " FROM tools t JOIN tool_revisions r ON r.revision_id = "
                    + "t.current_revision_id" + (startingAfter == null ? "" : " WHERE t.id > ?") + " ORDER BY t.id LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                if (startingAfter != null) {
                    ps.setString(i++, startingAfter);
                }
                ps.setInt(i, limit);
                List<Tool> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(tool(rs));
                    }
                }
                return out;
            }
        });
    }

    private static Optional<Tool> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(tool(rs)) : Optional.empty();
        }
    }

    private static Tool tool(ResultSet rs) throws SQLException {
        return Tool.newBuilder(rs.getString(1), rs.getString(2)).name(rs.getString(3)).description(rs.getString(4))
                .code(rs.getString(5)).language(StoredNames.language(rs.getString(6)))
                .inputSchemaJson(rs.getString(7)).warmInstances(rs.getInt(8) != 0).build();
    }
}
