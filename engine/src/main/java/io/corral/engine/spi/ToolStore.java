package io.corral.engine.spi;

import io.corral.api.Tool;

import java.util.List;
import java.util.Optional;

/**
 * Where tools and all their revisions live. Narrow so a database can implement it: a tool is
 * created, then moved to a new revision by compare-and-set on its current revision id; every
 * revision stays readable; listing uses an id cursor in ascending tool id order. A store may keep
 * tool names unique among current revisions (then it enforces it atomically and throws as below;
 * the default in-memory store does) or allow duplicates as Riza's contract does (the server's
 * database store). Implementations must be thread-safe.
 */
public interface ToolStore {

    /**
     * Stores a new tool at its first revision.
     *
     * @throws io.corral.api.RequestRejectedException {@code ALREADY_EXISTS} when the store keeps names
     *                                                unique and the name is taken
     */
    void insert(Tool tool);

    /**
     * Makes {@code revision} the tool's current revision if the current one is still
     * {@code expectedRevisionId}; returns false (changing nothing) if another update came first.
     *
     * @throws io.corral.api.RequestRejectedException {@code ALREADY_EXISTS} when the new name is
     *                                                another tool's
     */
    boolean replace(Tool revision, String expectedRevisionId);

    /** The tool's current revision. */
    Optional<Tool> current(String toolId);

    /** One revision of the tool, current or old. */
    Optional<Tool> revision(String toolId, String revisionId);

    /** Up to {@code limit} tools (current revisions) with an id greater than {@code startingAfter}, ascending. */
    List<Tool> list(String startingAfter, int limit);
}
