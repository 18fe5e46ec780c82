package io.corral.engine.tools;

import io.corral.engine.spi.ToolStore;
import io.corral.api.RequestRejectedException;
import io.corral.api.Tool;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ToolStore} in process memory; lost when the JVM exits. One lock guards the maps, so name
 * uniqueness and compare-and-set hold under concurrent updates.
 *
 * <pre>{@code
 * ExecutionEngine.newBuilder().toolStore(new InMemoryToolStore());
 * }</pre>
 */
public final class InMemoryToolStore implements ToolStore {

    private final TreeMap<String, Tool> currentById = new TreeMap<>();
    private final Map<String, Tool> revisionsById = new HashMap<>();
    private final Map<String, String> toolIdByName = new HashMap<>();

    @Override
    public synchronized void insert(Tool tool) {
        if (currentById.containsKey(tool.id())) {
            throw new IllegalStateException("tool id " + tool.id() + " is already stored");
        }
        claimName(tool);
        currentById.put(tool.id(), tool);
        revisionsById.put(tool.revisionId(), tool);
    }

    @Override
    public synchronized boolean replace(Tool revision, String expectedRevisionId) {
        Tool current = currentById.get(revision.id());
        if (current == null || !current.revisionId().equals(expectedRevisionId)) {
            return false;
        }
        claimName(revision);
        if (!current.name().equals(revision.name())) {
            toolIdByName.remove(current.name());
        }
        currentById.put(revision.id(), revision);
        revisionsById.put(revision.revisionId(), revision);
        return true;
    }

    private void claimName(Tool tool) {
        String holder = toolIdByName.get(tool.name());
        if (holder != null && !holder.equals(tool.id())) {
            throw RequestRejectedException.alreadyExists("name", "a tool named '" + tool.name()
                    + "' already exists (" + holder + ")", "a name no other tool has");
        }
        toolIdByName.put(tool.name(), tool.id());
    }

    @Override
    public synchronized Optional<Tool> current(String toolId) {
        return Optional.ofNullable(toolId == null ? null : currentById.get(toolId));
    }

    @Override
    public synchronized Optional<Tool> revision(String toolId, String revisionId) {
        Tool t = revisionId == null ? null : revisionsById.get(revisionId);
        return t != null && t.id().equals(toolId) ? Optional.of(t) : Optional.empty();
    }

    @Override
    public synchronized List<Tool> list(String startingAfter, int limit) {
        List<Tool> out = new ArrayList<>();
        for (Tool t : (startingAfter == null ? currentById : currentById.tailMap(startingAfter, false)).values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(t);
        }
        return out;
    }
}
