package io.corral.engine.tools;

import io.corral.engine.spi.ToolStore;
import io.corral.api.Language;
import io.corral.api.Page;
import io.corral.api.PageRequest;
import io.corral.api.RequestRejectedException;
import io.corral.api.Tool;
import io.corral.api.ToolSpec;
import io.corral.api.ToolUpdate;
import io.corral.engine.schema.InputSchema;
import io.corral.engine.schema.InputSchemas;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates, updates and finds tools, and hands out each revision's compiled input schema.
 *
 * <pre>{@code
 * ToolCatalog tools = new ToolCatalog(new InMemoryToolStore(), ids::next, lang -> {}, code -> {});
 * Tool v1 = tools.create(ToolSpec.newBuilder("inc", Language.PYTHON, "def execute(i): return i + 1").build());
 * Tool v2 = tools.update(v1.id(), ToolUpdate.newBuilder().description("adds one").build());
 * tools.revision(v1.id(), v1.revisionId());   // still there
 * }</pre>
 *
 * <p>Tool names are 1 to {@value #MAX_NAME_LENGTH} characters without control characters. Whether
 * they are unique is the store's choice: the engine's default in-memory store keeps them unique (a
 * duplicate is {@code ALREADY_EXISTS}); the server's database store does not, as Riza's contract
 * allows two tools of one name. A schema is compiled (and so
 * checked) at create and update; a bad one is rejected then, never at run time.
 */
public final class ToolCatalog {

    public static final int MAX_NAME_LENGTH = 256;
    private static final int SCHEMA_CACHE_SIZE = 1024;
    private static final int MAX_UPDATE_ATTEMPTS = 16;

    private final ToolStore store;
    private final Supplier<String> ids;
    private final Consumer<Language> languageCheck;
    private final Consumer<String> codeCheck;
    private final Map<String, InputSchema> schemas = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InputSchema> eldest) {
            return size() > SCHEMA_CACHE_SIZE;
        }
    };

    /**
     * @param languageCheck rejects a language the engine cannot call functions in
     * @param codeCheck     rejects empty or oversized code
     */
    public ToolCatalog(ToolStore store, Supplier<String> ids, Consumer<Language> languageCheck,
                       Consumer<String> codeCheck) {
        this.store = store;
        this.ids = ids;
        this.languageCheck = languageCheck;
        this.codeCheck = codeCheck;
    }

    public Tool create(ToolSpec spec) {
        String name = checkName(spec.name());
        languageCheck.accept(spec.language());
        codeCheck.accept(spec.code());
        String schemaJson = spec.inputSchemaJson() == null ? Tool.ANY_INPUT : spec.inputSchemaJson();
        InputSchema schema = InputSchemas.compile(schemaJson);
        String id = ids.get();
        Tool tool = Tool.newBuilder(id, ids.get()).name(name).description(spec.description()).code(spec.code())
                .language(spec.language()).inputSchemaJson(schemaJson).warmInstances(spec.warmInstances()).build();
        store.insert(tool);
        cache(tool.revisionId(), schema);
        return tool;
    }

    public Tool update(String toolId, ToolUpdate update) {
        String name = update.name() == null ? null : checkName(update.name());
        if (update.language() != null) {
            languageCheck.accept(update.language());
        }
        if (update.code() != null) {
            codeCheck.accept(update.code());
        }
        InputSchema schema = update.inputSchemaJson() == null ? null : InputSchemas.compile(update.inputSchemaJson());
        for (int attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
            Tool current = get(toolId);
            Tool.Builder b = current.toBuilder(ids.get());
            if (name != null) {
                b.name(name);
            }
            if (update.description() != null) {
                b.description(update.description());
            }
            if (update.code() != null) {
                b.code(update.code());
            }
            if (update.language() != null) {
                b.language(update.language());
            }
            if (update.inputSchemaJson() != null) {
                b.inputSchemaJson(update.inputSchemaJson());
            }
            if (update.warmInstances() != null) {
                b.warmInstances(update.warmInstances());
            }
            Tool next = b.build();
            if (store.replace(next, current.revisionId())) {
                if (schema != null) {
                    cache(next.revisionId(), schema);
                }
                return next;
            }
        }
        throw new RequestRejectedException(RequestRejectedException.Code.FAILED_PRECONDITION, "id",
                "tool '" + toolId + "' is being updated concurrently", "retry the update");
    }

    /** The tool's current revision, or {@code NOT_FOUND} naming the id. */
    public Tool get(String toolId) {
        return find(toolId).orElseThrow(() -> RequestRejectedException.notFound("id", "tool", toolId));
    }

    /** The tool's current revision, if the tool exists. */
    public java.util.Optional<Tool> find(String toolId) {
        return store.current(toolId);
    }

    /** The given revision (the current one when {@code revisionId} is null), or {@code NOT_FOUND} naming the id. */
    public Tool revision(String toolId, String revisionId) {
        if (revisionId == null || revisionId.isEmpty()) {
            return get(toolId);
        }
        get(toolId);
        return store.revision(toolId, revisionId).orElseThrow(
                () -> RequestRejectedException.notFound("revision_id", "revision of tool " + toolId, revisionId));
    }

    public Page<Tool> list(PageRequest page) {
        return Page.of(store.list(page.startingAfter(), page.limit()), page, Tool::id);
    }

    /** The compiled schema of this revision (compiled again if it fell out of the cache). */
    public InputSchema schema(Tool revision) {
        synchronized (schemas) {
            InputSchema s = schemas.get(revision.revisionId());
            if (s != null) {
                return s;
            }
        }
        InputSchema s = InputSchemas.compile(revision.inputSchemaJson());
        cache(revision.revisionId(), s);
        return s;
    }

    private void cache(String revisionId, InputSchema schema) {
        synchronized (schemas) {
            schemas.put(revisionId, schema);
        }
    }

    private static String checkName(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME_LENGTH || n.chars().anyMatch(Character::isISOControl)) {
            throw RequestRejectedException.invalid("name", "'" + (n.length() > 40 ? n.substring(0, 37) + "..." : n)
                    + "' is not a valid tool name", "1 to " + MAX_NAME_LENGTH + " characters without control characters");
        }
        return n;
    }
}
