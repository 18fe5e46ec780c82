package io.corral.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.corral.api.Execution;
import io.corral.api.ExecutionFilter;
import io.corral.api.FunctionRequest;
import io.corral.api.PageRequest;
import io.corral.api.RequestRejectedException;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.wire.RizaJson;
import io.corral.engine.ExecutionEngine;
import io.corral.server.auth.ApiKeys;
import io.corral.server.metrics.ServerMetrics;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Riza's REST API (all 18 endpoints of the contract's §2) on Javalin, plus {@code /openapi.json},
 * {@code /healthz}, {@code /readyz} and {@code /metrics}, all under the configured path prefix.
 *
 * <p>Conventions, for every response under {@code /v1/}: JSON ({@code application/json}) in
 * snake_case, errors as {@code {"code": <gRPC code>, "message": ...}} with grpc-gateway's
 * code→status mapping (see {@link ApiError}); request bodies parsed as JSON whatever their
 * {@code Content-Type}; {@code Authorization: Bearer <key>} checked before anything else (401
 * otherwise, also for unknown routes). Every error of a non-GET request says
 * {@code x-should-retry: false} — Riza's SDKs would otherwise retry 409/5xx and run code twice —
 * except those where nothing ran and sending again is the right move (429 with {@code Retry-After},
 * 503 while shutting down), which say {@code x-should-retry: true}.
 *
 * <p>{@code X-Stainless-Timeout} (seconds, sent by the SDKs with their per-attempt timeout) bounds
 * how long a request that runs code may take: the answer is due one second before the client would
 * give up (at half the time for timeouts under two seconds). An execution still running then is
 * cancelled, and the request answers 200 with its record: {@code exit_code} 125 and
 * {@code stderr} ending in {@code corral: execution cancelled}. A client that does not get its answer
 * in time would retry; a retry attaches to the first attempt's execution ({@link ExecutionGate}).
 *
 * <p>Not under {@code /v1/} and answered without a key: {@code /healthz}, {@code /readyz},
 * {@code /openapi.json}. {@code /metrics} needs a key like the API.
 */
public final class RizaApi {

    private static final Logger LOG = Logger.getLogger(RizaApi.class.getName());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String KEY_ID = "corral.keyId";
    private static final String STARTED = "corral.startedNanos";
    private static final String ARRIVED = "corral.arrived";
    private static final String ROUTE = "corral.route";
    private static final String ANSWERED = "corral.answered";
    private static final String RUNS_CODE = "corral.runsCode";

    /** Bytes of an over-large body read and dropped, so the client can read the 413 before the connection closes. */
    private static final long DRAIN_LIMIT = 16 * 1024 * 1024;

    private final ExecutionEngine engine;
    private final ExecutionGate gate;
    private final ServerMetrics metrics;
    private final ApiKeys apiKeys;
    private final String prefix;
    private final long maxBodyBytes;
    private final Supplier<Optional<String>> notReady;
    private final Clock clock;
    private final AtomicInteger activeRequests = new AtomicInteger();

    /**
     * @param apiKeys  null to serve without authentication
     * @param notReady why the server is not ready yet (empty once it is)
     */
    public RizaApi(ExecutionEngine engine, ExecutionGate gate, ServerMetrics metrics, ApiKeys apiKeys, String prefix,
                   long maxBodyBytes, Supplier<Optional<String>> notReady, Clock clock) {
        this.engine = engine;
        this.gate = gate;
        this.metrics = metrics;
        this.apiKeys = apiKeys;
        this.prefix = prefix;
        this.maxBodyBytes = maxBodyBytes;
        this.notReady = notReady;
        this.clock = clock;
    }

    /** Requests received and not yet answered. */
    public int activeRequests() {
        return activeRequests.get();
    }

    /** Registers the routes, error mapping and access log on a Javalin configuration. */
    public void install(JavalinConfig c) {
        c.routes.before(ctx -> {
            activeRequests.incrementAndGet();
            ctx.attribute(STARTED, System.nanoTime());
            ctx.attribute(ARRIVED, clock.instant());
        });
        c.routes.before(prefix + "/v1/*", this::authenticate);
        c.routes.before(prefix + "/metrics", this::authenticate);

        route(c, HandlerType.POST, "/v1/execute", this::executeScript);
        route(c, HandlerType.POST, "/v1/execute-function", this::executeFunction);
        route(c, HandlerType.POST, "/v1/tools", this::createTool);
        route(c, HandlerType.GET, "/v1/tools", this::listTools);
        route(c, HandlerType.POST, "/v1/tools/{id}", this::updateTool);
        route(c, HandlerType.GET, "/v1/tools/{id}", this::getTool);
        route(c, HandlerType.POST, "/v1/tools/{id}/execute", this::executeTool);
        route(c, HandlerType.POST, "/v1/secrets", this::createSecret);
        route(c, HandlerType.GET, "/v1/secrets", this::listSecrets);
        route(c, HandlerType.GET, "/v1/executions", this::listExecutions);
        route(c, HandlerType.GET, "/v1/executions/{id}", this::getExecution);
        route(c, HandlerType.POST, "/v1/runtimes", this::runtimes);
        route(c, HandlerType.GET, "/v1/runtimes", this::runtimes);
        route(c, HandlerType.GET, "/v1/runtimes/{id}", this::runtimes);
        route(c, HandlerType.DELETE, "/v1/runtimes/{id}", this::runtimes);
        route(c, HandlerType.POST, "/v1/runtimes/{id}/revisions", this::runtimes);
        route(c, HandlerType.GET, "/v1/runtimes/{id}/revisions", this::runtimes);
        route(c, HandlerType.GET, "/v1/runtimes/{runtime_id}/revisions/{revision_id}", this::runtimes);

        route(c, HandlerType.GET, "/healthz", ctx -> json(ctx, 200, NODES.objectNode().put("status", "ok")));
        route(c, HandlerType.GET, "/readyz", this::readiness);
        route(c, HandlerType.GET, "/openapi.json", this::openApi);
        route(c, HandlerType.GET, "/metrics", ctx -> ctx.status(200)
                .contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

        c.routes.exception(ApiError.class, (e, ctx) -> fail(ctx, e));
        c.routes.exception(RequestRejectedException.class, (e, ctx) -> {
            if (Boolean.TRUE.equals(ctx.attribute(RUNS_CODE))) {
                metrics.rejected(e.code().name().toLowerCase(Locale.ROOT));
            }
            fail(ctx, ApiError.of(e));
        });
        c.routes.exception(HttpResponseException.class, (e, ctx) ->
                fail(ctx, ApiError.ofStatus(e.getStatus(), e.getMessage())));
        c.routes.exception(Exception.class, (e, ctx) -> {
            LOG.log(Level.SEVERE, "request " + ctx.method() + " " + ctx.path() + " failed", e);
            boolean get = ctx.method() == HandlerType.GET;
            fail(ctx, ApiError.internal("internal error (see the server log)",
                    get ? ApiError.Retry.CLIENT_DECIDES : ApiError.Retry.NEVER));
        });
        c.routes.error(404, ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
                fail(ctx, ApiError.notFound("no route " + ctx.method() + " " + ctx.path()
                        + "; allowed: the endpoints listed at " + prefix + "/openapi.json"));
            }
        });
        c.requestLogger.http((ctx, millis) -> {
            activeRequests.decrementAndGet();
            String route = ctx.attribute(ROUTE);
            Long started = ctx.attribute(STARTED);
            long nanos = started == null ? 0 : System.nanoTime() - started;
            metrics.request(ctx.method().name(), route == null ? "unmatched" : route, ctx.statusCode(),
                    Duration.ofNanos(nanos));
            AccessLog.log(ctx.method().name(), ctx.path(), ctx.queryString(), ctx.statusCode(),
                    Duration.ofNanos(nanos).toMillis(), ctx.attribute(KEY_ID));
        });
    }

    private void route(JavalinConfig c, HandlerType method, String path, Handler handler) {
        c.routes.addHttpHandler(method, prefix + path, ctx -> {
            ctx.attribute(ROUTE, path);
            handler.handle(ctx);
        });
    }

    private void authenticate(Context ctx) {
        if (apiKeys == null) {
            return;
        }
        Optional<String> id = apiKeys.authenticate(ctx.header("Authorization"));
        if (id.isEmpty()) {
            throw ApiError.unauthenticated();
        }
        ctx.attribute(KEY_ID, id.get());
    }

    // ---- executions ----------------------------------------------------------------------

    private void executeScript(Context ctx) {
        Call call = call(ctx, false);
        Execution ex = gate.run(call.attempt, () -> engine.runAsync(RizaJson.scriptRequest(call.json)));
        json(ctx, 200, RizaJson.execResult(ex.scriptResult()));
    }

    private void executeFunction(Context ctx) {
        Call call = call(ctx, false);
        // warm instances never cross API keys: the key's id is the call's instance scope
        FunctionRequest request = RizaJson.functionRequest(call.json).toBuilder()
                .instanceScope(ctx.attribute(KEY_ID)).build();
        Execution ex = gate.run(call.attempt, () -> engine.callAsync(request));
        json(ctx, 200, RizaJson.functionResult(ex.functionResult()));
    }

    private void executeTool(Context ctx) {
        Call call = call(ctx, true);
        String toolId = ctx.pathParam("id");
        ToolExecuteRequest request = RizaJson.toolExecuteRequest(call.json).toBuilder()
                .instanceScope(ctx.attribute(KEY_ID)).build();
        Execution ex = gate.run(call.attempt, () -> engine.executeToolAsync(toolId, request));
        json(ctx, 200, RizaJson.functionResult(ex.functionResult()));
    }

    /** A request that runs code: its JSON, and what the gate needs to keep it from running twice. */
    private record Call(JsonNode json, ExecutionGate.Attempt attempt) {
    }

    private Call call(Context ctx, boolean everyFieldOptional) {
        ctx.attribute(RUNS_CODE, true);
        byte[] body = body(ctx);
        JsonNode json = everyFieldOptional && isBlank(body) ? null
                : RizaJson.parse(new String(body, StandardCharsets.UTF_8));
        String hash = requestHash(ctx.method().name(), ctx.path().substring(prefix.length()), ctx.queryString(), body);
        return new Call(json, new ExecutionGate.Attempt(ctx.attribute(KEY_ID), hash, retryCount(ctx) > 0,
                deadline(ctx)));
    }

    /** When the answer is due, from {@code X-Stainless-Timeout}: a second before the client gives up. */
    private Instant deadline(Context ctx) {
        String header = ctx.header("X-Stainless-Timeout");
        if (header == null || header.isBlank()) {
            return null;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(header.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            return null;
        }
        double budget = Math.max(seconds - 1, seconds / 2);
        Instant arrived = ctx.attribute(ARRIVED);
        return (arrived != null ? arrived : clock.instant()).plusNanos((long) (budget * 1e9));
    }

    private static int retryCount(Context ctx) {
        String header = ctx.header("X-Stainless-Retry-Count");
        if (header == null) {
            return 0;
        }
        try {
            return Integer.parseInt(header.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** SHA-256 of method, path (below the prefix), query and body: what makes two attempts the same request. */
    static String requestHash(String method, String path, String query, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((method + ' ' + path + (query == null || query.isEmpty() ? "" : "?" + query) + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            d.update(body);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // ---- tools, secrets, history -----------------------------------------------------------

    private void createTool(Context ctx) {
        json(ctx, 200, RizaJson.tool(engine.createTool(RizaJson.toolSpec(requiredJson(ctx)))));
    }

    private void updateTool(Context ctx) {
        JsonNode json = optionalJson(ctx);
        json(ctx, 200, RizaJson.tool(engine.updateTool(ctx.pathParam("id"), RizaJson.toolUpdate(json))));
    }

    private void getTool(Context ctx) {
        String id = ctx.pathParam("id");
        json(ctx, 200, RizaJson.tool(engine.findTool(id)
                .orElseThrow(() -> RequestRejectedException.notFound("id", "tool", id))));
    }

    private void listTools(Context ctx) {
        json(ctx, 200, RizaJson.toolList(engine.listTools(page(ctx))));
    }

    private void createSecret(Context ctx) {
        json(ctx, 200, RizaJson.secret(engine.createSecret(RizaJson.secretSpec(requiredJson(ctx)))));
    }

    private void listSecrets(Context ctx) {
        json(ctx, 200, RizaJson.secretList(engine.listSecrets(page(ctx))));
    }

    private void listExecutions(Context ctx) {
        ExecutionFilter filter = flag(ctx, "only_non_zero_exit_codes")
                ? ExecutionFilter.NON_ZERO_EXIT_CODES : ExecutionFilter.ALL;
        json(ctx, 200, RizaJson.executionList(engine.listExecutions(page(ctx), filter)));
    }

    private void getExecution(Context ctx) {
        String id = ctx.pathParam("id");
        json(ctx, 200, RizaJson.execution(engine.findExecution(id)
                .orElseThrow(() -> RequestRejectedException.notFound("id", "execution", id))));
    }

    private void runtimes(Context ctx) {
        throw ApiError.unimplemented("custom runtimes are not supported by this server yet; allowed: run code with "
                + "each language's standard library (omit runtime_revision_id)");
    }

    /**
     * Riza's cursor: {@code limit} 1 to 100 (default 100; more is served as 100), {@code starting_after}
     * the last id of the previous page. Pages hold the items after the cursor's place in id order,
     * so an exhausted cursor, or one past every id, gives an empty page, never an error.
     */
    private static PageRequest page(Context ctx) {
        String limit = ctx.queryParam("limit");
        Integer n = null;
        if (limit != null && !limit.isBlank()) {
            try {
                n = Math.min(Integer.parseInt(limit.strip()), PageRequest.MAX_LIMIT);
            } catch (NumberFormatException e) {
                throw ApiError.invalid("limit: '" + shorten(limit) + "' is not a whole number; allowed: 1 to "
                        + PageRequest.MAX_LIMIT);
            }
        }
        return PageRequest.of(n, ctx.queryParam("starting_after"));
    }

    private static boolean flag(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiError.invalid(name + ": '" + shorten(v) + "' is not a boolean; allowed: true or false");
        };
    }

    // ---- health and documents ----------------------------------------------------------------

    private void readiness(Context ctx) {
        Optional<String> why = gate.draining() ? Optional.of("the server is shutting down") : notReady.get();
        ObjectNode o = NODES.objectNode();
        if (why.isEmpty()) {
            json(ctx, 200, o.put("status", "ready"));
        } else {
            json(ctx, 503, o.put("status", "not ready").put("message", why.get()));
        }
    }

    private void openApi(Context ctx) {
        ObjectNode doc = OpenApiDocument.withServer(prefix.isEmpty() ? "/" : prefix);
        json(ctx, 200, doc);
    }

    // ---- bodies and answers ------------------------------------------------------------------

    private JsonNode requiredJson(Context ctx) {
        return RizaJson.parse(new String(body(ctx), StandardCharsets.UTF_8));
    }

    /** The body as JSON, or null when it is empty (for endpoints whose every field is optional). */
    private JsonNode optionalJson(Context ctx) {
        byte[] body = body(ctx);
        return isBlank(body) ? null : RizaJson.parse(new String(body, StandardCharsets.UTF_8));
    }

    /** The raw body, read whatever the Content-Type says (curl sends JSON as a form), up to the cap. */
    private byte[] body(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        try {
            InputStream in = ctx.req().getInputStream();
            if (declared > maxBodyBytes) {
                drain(in, declared);
                throw ApiError.bodyTooLarge(maxBodyBytes);
            }
            byte[] body = in.readNBytes((int) Math.min(maxBodyBytes + 1, Integer.MAX_VALUE - 16));
            if (body.length > maxBodyBytes) {
                drain(in, DRAIN_LIMIT);
                throw ApiError.bodyTooLarge(maxBodyBytes);
            }
            return body;
        } catch (IOException e) {
            // the client went away or sent a broken body; nothing ran
            throw ApiError.invalid("body: could not be read (" + e.getMessage() + "); allowed: a complete JSON body");
        }
    }

    private static void drain(InputStream in, long declared) throws IOException {
        if (declared > DRAIN_LIMIT) {
            return;
        }
        byte[] buf = new byte[64 * 1024];
        long left = DRAIN_LIMIT;
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
            left -= n;
        }
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(RizaJson.write(body));
    }

    private void fail(Context ctx, ApiError e) {
        ctx.attribute(ANSWERED, true);
        ApiError.Retry retry = e.retry();
        if (retry == ApiError.Retry.NEVER && ctx.method() == HandlerType.GET && e.status() >= 500
                && e.status() != 501) {
            retry = ApiError.Retry.CLIENT_DECIDES;
        }
        switch (retry) {
            case SAFE -> ctx.header("x-should-retry", "true");
            case NEVER -> ctx.header("x-should-retry", "false");
            case CLIENT_DECIDES -> ctx.removeHeader("x-should-retry");
        }
        if (e.retryAfterSeconds() != null) {
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
        }
        json(ctx, e.status(), NODES.objectNode().put("code", e.grpcCode()).put("message", e.getMessage()));
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
