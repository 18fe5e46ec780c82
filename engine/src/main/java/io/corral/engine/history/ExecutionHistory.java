package io.corral.engine.history;

import io.corral.engine.Retention;
import io.corral.engine.spi.ExecutionStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.ExecutionDetails;
import io.corral.api.FunctionResult;
import io.corral.api.Page;
import io.corral.api.PageRequest;
import io.corral.api.RequestRejectedException;
import io.corral.api.wire.RizaJson;

import java.time.Clock;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records every execution under a {@link Retention} and reads them back.
 *
 * <pre>{@code
 * ExecutionHistory history = new ExecutionHistory(new InMemoryExecutionStore(), Retention.DEFAULT, Clock.systemUTC());
 * history.record(execution, List.of());
 * history.list(PageRequest.FIRST, true);   // failures only
 * }</pre>
 *
 * <p>Secret values a tool run received are scrubbed from the stored copy's stdout, stderr and
 * output (replaced by {@link #SCRUBBED}); the stored request never held them, since it keeps
 * secret references, not values. Values shorter than {@link #MIN_SCRUBBED_LENGTH} characters are
 * not scrubbed: replacing every {@code "a"} would destroy the record and reveal the value anyway.
 */
public final class ExecutionHistory {

    /** What a secret value reads as in stored output. */
    public static final String SCRUBBED = "[SECRET]";

    public static final int MIN_SCRUBBED_LENGTH = 4;

    private final ExecutionStore store;
    private final Retention retention;
    private final Clock clock;

    public ExecutionHistory(ExecutionStore store, Retention retention, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores {@code execution} (scrubbing {@code secretValues}) and applies the retention.
     * Returns the execution as given.
     */
    public Execution record(Execution execution, Collection<String> secretValues) {
        if (retention.maxCount() == 0) {
            return execution;
        }
        store.record(scrub(execution, secretValues));
        store.prune(retention.maxCount(),
                retention.maxAge() == null ? null : clock.instant().minus(retention.maxAge()));
        return execution;
    }

    /** The execution with this id, if it is kept. */
    public java.util.Optional<Execution> find(String id) {
        return store.get(id);
    }

    /** The execution with this id, or {@code NOT_FOUND} naming it. */
    public Execution get(String id) {
        return find(id).orElseThrow(() -> RequestRejectedException.notFound("id", "execution", id));
    }

    public Page<Execution> list(PageRequest page, boolean onlyNonZeroExitCodes) {
        return Page.of(store.list(page.startingAfter(), page.limit(), onlyNonZeroExitCodes), page, Execution::id);
    }

    static Execution scrub(Execution e, Collection<String> secretValues) {
        List<String> values = secretValues.stream().filter(v -> v != null && v.length() >= MIN_SCRUBBED_LENGTH)
                .distinct().toList();
        if (values.isEmpty()) {
            return e;
        }
        ExecutionDetails details = switch (e.details()) {
            case ExecutionDetails.Tool t -> ExecutionDetails.tool(t.toolId(), t.request(), scrub(t.response(), values));
            case ExecutionDetails.Function f -> ExecutionDetails.function(f.request(), scrub(f.response(), values));
            case ExecutionDetails.Script s -> ExecutionDetails.script(s.request(), scrub(s.response(), values));
        };
        return e.toBuilder().details(details).build();
    }

    private static FunctionResult scrub(FunctionResult r, List<String> values) {
        JsonNode output = scrub(RizaJson.parseValue(r.outputJson()), values);
        return FunctionResult.of(scrub(r.execution(), values), RizaJson.write(output), r.outputStatus());
    }

    private static ExecResult scrub(ExecResult r, List<String> values) {
        return ExecResult.newBuilder(r.id()).outcome(r.outcome()).stdout(scrub(r.stdout(), values))
                .stderr(scrub(r.stderr(), values)).duration(r.duration()).build();
    }

    private static String scrub(String text, List<String> values) {
        String out = text;
        for (String v : values) {
            out = out.replace(v, SCRUBBED);
        }
        return out;
    }

    private static JsonNode scrub(JsonNode node, List<String> values) {
        if (node.isTextual()) {
            return TextNode.valueOf(scrub(node.textValue(), values));
        }
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            ObjectNode copy = o.objectNode();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                copy.set(scrub(f.getKey(), values), scrub(f.getValue(), values));
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = a.arrayNode();
            a.forEach(n -> copy.add(scrub(n, values)));
            return copy;
        }
        return node;
    }
}
