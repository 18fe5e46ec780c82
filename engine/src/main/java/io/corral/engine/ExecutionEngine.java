package io.corral.engine;

import io.corral.api.EnvVar;
import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.ExecutionDetails;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.OutputStatus;
import io.corral.api.HttpPolicy;
import io.corral.api.Isolation;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.Configuration;
import io.corral.api.Outcome;
import io.corral.api.RequestRejectedException;
import io.corral.api.Page;
import io.corral.api.PageRequest;
import io.corral.api.ScriptRequest;
import io.corral.api.Secret;
import io.corral.api.SecretSpec;
import io.corral.api.Tool;
import io.corral.api.ToolExecuteRequest;
import io.corral.api.ToolSpec;
import io.corral.api.ToolUpdate;
import io.corral.engine.history.ExecutionHistory;
import io.corral.engine.spi.ExecutionStore;
import io.corral.engine.history.InMemoryExecutionStore;
import io.corral.engine.egress.EgressSettings;
import io.corral.engine.egress.HostRules;
import io.corral.engine.spi.NameResolver;
import io.corral.engine.ids.Ulid;
import io.corral.engine.lang.ExecutionBinding;
import io.corral.engine.lang.FunctionOutcome;
import io.corral.engine.lang.GuestLanguage;
import io.corral.engine.isolation.WorkerPool;
import io.corral.engine.isolation.WorkerSandbox;
import io.corral.engine.sandbox.HeapGuard;
import io.corral.engine.sandbox.RequestValidator;
import io.corral.engine.sandbox.Watchdog;
import io.corral.engine.schema.BoundedJson;
import io.corral.engine.secrets.InMemorySecretStore;
import io.corral.engine.spi.SecretStore;
import io.corral.engine.secrets.SecretVault;
import io.corral.engine.tools.InMemoryToolStore;
import io.corral.engine.tools.ToolCatalog;
import io.corral.engine.spi.ToolStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs guest code in isolated, single-use GraalVM contexts.
 *
 * <pre>{@code
 * try (ExecutionEngine engine = ExecutionEngine.newBuilder()
 *         .languages(Language.PYTHON, Language.JAVASCRIPT)
 *         .defaultLimits(Limits.newBuilder().executionTimeoutSeconds(10).build())
 *         .concurrency(4)
 *         .build()) {
 *     Execution ex = engine.run(ScriptRequest.of(Language.PYTHON, "print(1 + 1)"));
 *     ex.scriptResult().stdout();   // "2\n"
 * }
 * }</pre>
 *
 * <p>Each language has one shared GraalVM engine, created the first time the language is used;
 * each execution gets a fresh context that is closed afterwards and never reused, unless a tool or
 * function request opts in to warm instances ({@link Builder#warmInstances}): then a context that
 * has loaded the function serves further calls of it. Executions run
 * on a bounded pool of platform threads (never virtual threads) behind a bounded queue; when the
 * queue is full, a run is rejected with {@link RequestRejectedException.Code#RESOURCE_EXHAUSTED}.
 * Every request is validated before it is queued.
 *
 * <p>Tools, secrets and the execution history live behind small stores (in memory by default; see
 * {@link Builder#toolStore}, {@link Builder#secretStore}, {@link Builder#executionStore}). Every run
 * (script, function, tool) is recorded before its future completes, under the engine's
 * {@link Retention} (default: the newest 10,000):
 *
 * <pre>{@code
 * Tool tool = engine.createTool(ToolSpec.newBuilder("inc", Language.PYTHON,
 *         "def execute(input): return input['n'] + 1")
 *     .inputSchemaJson("{\"type\": \"object\", \"required\": [\"n\"]}").build());
 * Execution ex = engine.executeTool(tool.id(), ToolExecuteRequest.newBuilder().inputJson("{\"n\": 1}").build());
 * engine.findExecution(ex.id()).orElseThrow().type();   // ExecutionType.TOOL
 * }</pre>
 */
public final class ExecutionEngine implements AutoCloseable {

    private final Set<Language> languages;
    private final Configuration configuration;
    private final Limits defaultLimits;
    private final int concurrency;
    private final int queueCapacity;
    private final RequestValidator validator;
    private final Map<Language, GuestLanguage> runtimes = new EnumMap<>(Language.class);
    private final ThreadPoolExecutor pool;
    private final Watchdog watchdog = new Watchdog();
    /** Holds each execution to its memory_size (docs/security.md says how far it can tell). */
    private final HeapGuard heapGuard = HeapGuard.start();
    private final Ulid ids = new Ulid();
    private final GuestRunner runner;
    private final int warmContexts;
    /** The most contexts per language the pool may grow to (= warmContexts unless the embedder set a range). */
    private final int warmContextsMax;
    /** What waiting contexts may hold together, in MiB, by {@link #WARM_CONTEXT_MIB}; 0: no budget. */
    private final int warmContextsMemoryMib;
    /** MiB of the budget not yet taken by the pools' growth past their minimum. */
    private final java.util.concurrent.atomic.AtomicInteger warmBudget;

    /**
     * The heap one waiting context holds, roughly (measured for Python, Ruby and PHP; JavaScript's and
     * TypeScript's taken as Python's): what a pool's memory budget counts.
     */
    static final Map<Language, Integer> WARM_CONTEXT_MIB = Map.of(Language.PYTHON, 2, Language.JAVASCRIPT, 2,
            Language.TYPESCRIPT, 2, Language.RUBY, 12, Language.PHP, 64);
    /**
     * One context per language waits, made while the engine is idle: a warm Python execution takes a
     * few ms, one that makes its own context 100-600 ms on a 2-core machine (bin/warm-path-bench.sh).
     */
    static final int DEFAULT_WARM_CONTEXTS = 1;
    private final ToolCatalog tools;
    private final SecretVault secrets;
    private final ExecutionHistory history;
    private final io.corral.engine.lang.LanguageOptions languageOptions;
    private final ExecutionListener listener;
    private final Map<Language, Isolation> isolation = new EnumMap<>(Language.class);
    /** Languages whose isolation the embedder set (a default PROCESS may fall back; a chosen one may not). */
    private final Set<Language> isolationChosen = EnumSet.noneOf(Language.class);
    private final GuestRunner.EgressFactory egressFactory;
    private final Object workersLock = new Object();
    private WorkerSandbox sandbox;
    private WorkerPool workers;
    private ProcessRunner processRunner;
    private volatile boolean closing;
    private final String workerMainClass;
    private final Duration workerSilence;
    private final boolean requestIsolation;

    /**
     * Where a language runs unless the embedder chose: Ruby in a worker process (its full standard
     * library needs native access, which only the OS sandbox contains; where process isolation is
     * unavailable it falls back to the restricted in-process Ruby with a notice), the others
     * in-process.
     */
    public static Isolation defaultIsolation(Language language) {
        return language == Language.RUBY ? Isolation.PROCESS : Isolation.IN_PROCESS;
    }

    private static volatile WorkerSandbox probed;

    /**
     * Why process isolation cannot run on this machine (bubblewrap missing or unable to create
     * namespaces), with the fix; empty when it can. Checked once per JVM.
     *
     * @since 0.1
     */
    public static Optional<String> processIsolationUnavailable() {
        WorkerSandbox s = probed;
        if (s == null) {
            s = WorkerSandbox.probe();
            probed = s;
        }
        return s.unavailableReason();
    }
    private final WarmInstances warmInstances;

    private ExecutionEngine(Builder b) {
        this.languages = Collections.unmodifiableSet(EnumSet.copyOf(b.languages != null ? b.languages
                : Languages.available()));
        this.configuration = b.configuration != null ? b.configuration : Configuration.RIZA;
        this.defaultLimits = configuration.defaultLimits();
        this.concurrency = b.concurrency != null ? b.concurrency
                : Math.max(2, Runtime.getRuntime().availableProcessors());
        this.queueCapacity = b.queueCapacity != null ? b.queueCapacity : 64;
        this.validator = new RequestValidator(configuration, languages);
        AtomicInteger threadNo = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(concurrency, concurrency, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    // platform threads with a deep stack: guest recursion ends in a guest error, not the host's
                    Thread t = new Thread(null, r, "corral-exec-" + threadNo.incrementAndGet(), 16L * 1024 * 1024);
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        this.runner = new GuestRunner(watchdog, heapGuard, EgressSettings.of(configuration),
                b.nameResolver != null ? b.nameResolver : NameResolver.SYSTEM);
        this.tools = new ToolCatalog(b.toolStore != null ? b.toolStore : new InMemoryToolStore(), ids::next,
                validator::checkLanguage, validator::checkCode);
        this.secrets = new SecretVault(b.secretStore != null ? b.secretStore : new InMemorySecretStore(), ids::next);
        this.history = new ExecutionHistory(b.executionStore != null ? b.executionStore : new InMemoryExecutionStore(),
                b.retention != null ? b.retention : Retention.DEFAULT, Clock.systemUTC());
        this.warmContexts = b.warmContexts != null ? b.warmContexts : DEFAULT_WARM_CONTEXTS;
        this.warmContextsMax = b.warmContextsMax != null ? b.warmContextsMax : warmContexts;
        this.warmContextsMemoryMib = b.warmContextsMemoryMib;
        this.warmBudget = new java.util.concurrent.atomic.AtomicInteger(warmContextsMemoryMib);
        if (warmContextsMax > warmContexts) {
            // pools that grew with demand give back what waits unused, one context per idle period
            watchdog.scheduleAtFixedRate(Duration.ofSeconds(5), this::trimWarmContexts);
        }
        this.listener = b.listener;
        this.warmInstances = new WarmInstances(watchdog,
                b.warmInstances != null ? b.warmInstances : WarmInstances.DEFAULT_MAX_INSTANCES,
                b.warmInstanceUses != null ? b.warmInstanceUses : WarmInstances.DEFAULT_MAX_USES,
                b.warmInstanceIdle != null ? b.warmInstanceIdle : WarmInstances.DEFAULT_IDLE);
        this.languageOptions = io.corral.engine.lang.LanguageOptions.of(java.util.Optional.ofNullable(b.cacheDirectory),
                configuration);
        for (Language l : Language.values()) {
            Isolation chosen = b.isolation.get(l);
            isolation.put(l, chosen != null ? chosen : defaultIsolation(l));
            if (chosen != null) {
                isolationChosen.add(l);
            }
        }
        this.requestIsolation = b.requestIsolation;
        this.workerMainClass = b.workerMainClass;
        this.sandbox = b.sandbox;
        this.workerSilence = b.workerSilence;
        this.egressFactory = GuestRunner.hostEgress(EgressSettings.of(configuration),
                b.nameResolver != null ? b.nameResolver : NameResolver.SYSTEM);
        // slow one-time work (TypeScript's compiler load) starts now, in the background
        for (Language l : languages) {
            if (isolation.get(l) == Isolation.IN_PROCESS) {
                runtime(l).prepare();
            }
        }
        if (languages.stream().anyMatch(l -> isolation.get(l) == Isolation.PROCESS)) {
            // bubblewrap is checked once, in the background; a missing one is logged now, not per run
            Thread.ofPlatform().daemon().name("corral-sandbox-probe").start(this::sandbox);
        }
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** Languages this build can run: those whose provider is on the class path. */
    public static Set<Language> availableLanguages() {
        return Languages.available();
    }

    /** Runs a script and waits for it. Guest failures are results, never exceptions. */
    public Execution run(ScriptRequest request) {
        try {
            return runAsync(request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /**
     * Validates the request now (throwing {@link RequestRejectedException} at once) and runs it on
     * the engine's pool. {@link ExecutionFuture#cancel Cancelling} the future stops the guest; the
     * execution is recorded as cancelled.
     */
    public ExecutionFuture runAsync(ScriptRequest request) {
        Objects.requireNonNull(request, "request");
        validator.validate(request);
        Limits limits = request.limits().orElse(defaultLimits);
        Placement placement = place(request.language(), request.isolation());
        String id = ids.next();
        SecretVault.ResolvedHttp http = secrets.resolve(request.http());
        ExecutionBinding binding = new ExecutionBinding(GuestRunner.scriptPath(request.language()), request.args(),
                request.env(), request.stdin(), request.files(), http.policy());
        return submit(id, control -> {
            GuestRunner.RunResult r = placement.run(binding, limits, control, GuestRunner.Work.script(request.code()));
            ExecResult result = ExecResult.newBuilder(id).outcome(r.outcome()).stdout(r.stdout()).stderr(r.stderr())
                    .duration(r.durationMillis()).build();
            return recorded(record(id, placement, r, ExecutionDetails.script(request, result),
                    limits, request.http()), http.credentialValues());
        });
    }

    /** Calls a function's {@code execute(input)} and waits. Guest failures are results, never exceptions. */
    public Execution call(FunctionRequest request) {
        try {
            return callAsync(request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /**
     * Validates the request now (throwing {@link RequestRejectedException} at once) and calls the
     * function on the engine's pool. The record's details are {@link ExecutionDetails.Function}.
     */
    public ExecutionFuture callAsync(FunctionRequest request) {
        Objects.requireNonNull(request, "request");
        SecretVault.ResolvedHttp http = secrets.resolve(request.http());
        FunctionCall call = functionCall(request, http.policy(), !request.reusable() ? null
                : WarmInstances.Key.of(request.language(), "code " + request.code(), request.env(), http.policy(),
                        request.instanceScope()));
        // the scope only routes the call to its instances; it is not part of what was asked
        FunctionRequest asked = request.instanceScope() == null ? request
                : request.toBuilder().instanceScope(null).build();
        return submit(call.id, control -> {
            GuestRunner.RunResult r = call.run(control);
            return recorded(record(call.id, call.placement, r,
                    ExecutionDetails.function(asked, call.result(r)), call.limits, request.http()),
                    http.credentialValues());
        });
    }

    /** A validated function call, ready to run: its id, limits and what it runs. */
    private final class FunctionCall {
        final String id = ids.next();
        final FunctionRequest request;
        final Limits limits;
        final Placement placement;
        final ExecutionBinding binding;
        /** Which warm instances may serve this call; null when it did not opt in. */
        final WarmInstances.Key warmKey;

        FunctionCall(FunctionRequest request, HttpPolicy http, WarmInstances.Key warmKey) {
            validator.validate(request);
            if (request.inputJson() != null) {
                BoundedJson.parse("input", request.inputJson());
            }
            this.request = request;
            this.limits = request.limits().orElse(defaultLimits);
            this.placement = place(request.language(), request.isolation());
            this.binding = new ExecutionBinding(GuestRunner.scriptPath(request.language()), List.of(), request.env(),
                    "", request.files(), http);
            this.warmKey = warmKey;
        }

        GuestRunner.RunResult run(RunControl control) {
            if (warmKey != null && placement.isolation() == Isolation.IN_PROCESS
                    && warmInstances.serves(placement.runtime())) {
                return warmInstances.call(warmKey, placement.runtime(), request.code(), request.inputJson(),
                        (contexts, action) -> runner.run(placement.runtime(), contexts, binding, limits, control, action));
            }
            return placement.run(binding, limits, control,
                    GuestRunner.Work.function(request.code(), request.inputJson()));
        }

        /** What the call returned, by Riza's rules: a value only when execute returned one that serializes. */
        FunctionResult result(GuestRunner.RunResult r) {
            FunctionOutcome f = r.function();
            Outcome outcome = r.outcome();
            OutputStatus status = f == null ? OutputStatus.ERROR : f.status();
            String output = status == OutputStatus.VALID ? f.outputJson() : null;
            // the host parses the value again to write it; a guest's 100k-deep value must not break that
            if (output != null && !BoundedJson.isAcceptable(output)) {
                status = OutputStatus.JSON_SERIALIZATION_ERROR;
                output = null;
                outcome = outcome.withNotes(List.of("the return value nests deeper than " + BoundedJson.MAX_DEPTH
                        + " levels and was not kept"));
            }
            ExecResult exec = ExecResult.newBuilder(id).outcome(outcome).stdout(r.stdout()).stderr(r.stderr())
                    .duration(r.durationMillis()).build();
            return FunctionResult.of(exec, output, status);
        }
    }

    private FunctionCall functionCall(FunctionRequest request, HttpPolicy http, WarmInstances.Key warmKey) {
        return new FunctionCall(request, http, warmKey);
    }

    /** Stores the record (secret values scrubbed), then tells the listener and JFR. */
    private Execution recorded(Execution execution, java.util.Collection<String> secretValues) {
        Execution stored = history.record(execution, secretValues);
        ExecutionEvent.commit(stored);
        if (listener != null) {
            try {
                listener.executionRecorded(stored);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(ExecutionEngine.class.getName()).log(java.util.logging.Level.WARNING,
                        "the execution listener failed on " + stored.id(), e);
            }
        }
        return stored;
    }

    /** The record of a run: its outcome's notes first, then what the sandbox could not enforce for it. */
    private Execution record(String id, Placement placement, GuestRunner.RunResult r, ExecutionDetails details,
                             Limits limits, HttpPolicy http) {
        Language language = placement.language();
        Outcome outcome = switch (details) {
            case ExecutionDetails.Script s -> s.response().outcome();
            case ExecutionDetails.Function f -> f.response().execution().outcome();
            case ExecutionDetails.Tool t -> t.response().execution().outcome();
        };
        List<String> notices = new ArrayList<>(outcome.notes());
        notices.addAll(advisories(limits, placement, http));
        return Execution.newBuilder(id, language).duration(r.durationMillis()).startedAt(r.startedAt())
                .details(details).notices(notices).http(r.http()).build();
    }

    // ---- tools -------------------------------------------------------------------------------

    /**
     * Creates a tool. Its schema is checked now (a bad or remote-referencing schema is rejected);
     * a name another tool has is {@code ALREADY_EXISTS} when the tool store keeps names unique (the
     * default in-memory store does; the server's store does not, like Riza).
     */
    public Tool createTool(ToolSpec spec) {
        return tools.create(Objects.requireNonNull(spec, "spec"));
    }

    /** Changes the given fields and makes a new revision; old revisions stay runnable. */
    public Tool updateTool(String toolId, ToolUpdate update) {
        return tools.update(toolId, Objects.requireNonNull(update, "update"));
    }

    /** The tool's current revision, if there is a tool with this id. */
    public Optional<Tool> findTool(String toolId) {
        return tools.find(Objects.requireNonNull(toolId, "toolId"));
    }

    /** Tools in ascending id order (their current revisions). */
    public Page<Tool> listTools(PageRequest page) {
        return tools.list(Objects.requireNonNull(page, "page"));
    }

    /** Runs a tool and waits; see {@link #executeToolAsync}. */
    public Execution executeTool(String toolId, ToolExecuteRequest request) {
        try {
            return executeToolAsync(toolId, request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    /**
     * Checks everything now, throwing {@link RequestRejectedException} before anything runs: the tool
     * and revision exist ({@code NOT_FOUND} naming the id), the input matches the revision's
     * {@code input_schema} (each failing path listed), every referenced secret exists. Secret values
     * are resolved on the host and reach only the guest's environment: the recorded request keeps
     * the references, and the stored record has the values scrubbed from its output. The record's
     * details are {@link ExecutionDetails.Tool} with the revision that ran.
     */
    public ExecutionFuture executeToolAsync(String toolId, ToolExecuteRequest request) {
        Objects.requireNonNull(request, "request");
        Tool tool = tools.revision(toolId, request.revisionId());
        tools.schema(tool).check(request.inputJson());
        SecretVault.Resolved env = secrets.resolve(request.env());
        SecretVault.ResolvedHttp http = secrets.resolve(request.http());
        FunctionRequest callRequest = FunctionRequest.newBuilder(tool.language(), tool.code())
                .inputJson(request.inputJson()).env(env.env()).build();
        // the scope only routes the call to its instances; it is not part of what was asked
        ToolExecuteRequest recorded = request.toBuilder().revisionId(tool.revisionId()).instanceScope(null).build();
        HostRules.compile(http.policy());
        FunctionCall call = functionCall(callRequest, http.policy(), !tool.warmInstances() ? null
                : WarmInstances.Key.of(tool.language(), "tool " + tool.id() + " " + tool.revisionId(), env.env(),
                        http.policy(), request.instanceScope()));
        List<String> scrub = new ArrayList<>(env.secretValues());
        scrub.addAll(http.credentialValues());
        return submit(call.id, control -> {
            GuestRunner.RunResult r = call.run(control);
            return recorded(record(call.id, call.placement, r,
                    ExecutionDetails.tool(tool.id(), recorded, call.result(r)), call.limits, request.http()), scrub);
        });
    }

    // ---- secrets -----------------------------------------------------------------------------

    /** Stores a secret; its value is never returned by any method. */
    public Secret createSecret(SecretSpec spec) {
        return secrets.create(Objects.requireNonNull(spec, "spec"));
    }

    public Secret createSecret(String name, String value) {
        return createSecret(SecretSpec.of(name, value));
    }

    /** Secrets (ids and names) in ascending id order. */
    public Page<Secret> listSecrets(PageRequest page) {
        return secrets.list(Objects.requireNonNull(page, "page"));
    }

    // ---- history -----------------------------------------------------------------------------

    /** A recorded execution, if one with this id is (still) kept. */
    public Optional<Execution> findExecution(String id) {
        return history.find(Objects.requireNonNull(id, "id"));
    }

    /** Recorded executions in ascending id order. */
    public Page<Execution> listExecutions(PageRequest page) {
        return listExecutions(page, io.corral.api.ExecutionFilter.ALL);
    }

    /** Recorded executions that pass {@code filter}, in ascending id order. */
    public Page<Execution> listExecutions(PageRequest page, io.corral.api.ExecutionFilter filter) {
        return history.list(Objects.requireNonNull(page, "page"),
                Objects.requireNonNull(filter, "filter") == io.corral.api.ExecutionFilter.NON_ZERO_EXIT_CODES);
    }

    /**
     * A run waiting for (or on) a worker: its future ends even if the engine closes first. Cancelled
     * while it waits, it is taken out of the queue and recorded as cancelled at once, on the
     * cancelling thread (no context is taken): its record must not wait for a worker, which may be
     * busy for as long as the run ahead of it takes to stop.
     */
    private final class Queued implements Runnable {
        final ExecutionFuture future;
        private final RunControl control;
        private final java.util.function.Function<RunControl, Execution> task;

        Queued(ExecutionFuture future, RunControl control, java.util.function.Function<RunControl, Execution> task) {
            this.future = future;
            this.control = control;
            this.task = task;
            control.ifCancelledBeforeStart(this::recordCancelled);
        }

        @Override
        public void run() {
            if (!control.start()) {
                return; // cancelled while queued: recorded already
            }
            try {
                Execution done = task.apply(control);
                if (future.cancelRequested()) {
                    // cancelled while it ran: the canceller stopped the guest and may not have completed
                    // the future yet; it ends cancelled whichever thread gets there first
                    future.completeCancelled();
                } else {
                    future.complete(done);
                }
            } catch (Throwable t) {
                future.completeExceptionally(t);
            } finally {
                control.finished();
            }
        }

        /**
         * Cancelled before a worker started it: the task sees the cancellation and only writes the
         * record. Whoever cancelled completes the future, after this (the record is stored first).
         */
        private void recordCancelled() {
            pool.remove(this);
            try {
                task.apply(control);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(ExecutionEngine.class.getName()).log(java.util.logging.Level.WARNING,
                        "could not record the cancelled execution " + future.id(), e);
            }
        }

        void dropped() {
            control.cancel();
            future.completeExceptionally(new java.util.concurrent.CancellationException(
                    "the engine was closed before this execution started"));
        }
    }

    private ExecutionFuture submit(String id, java.util.function.Function<RunControl, Execution> task) {
        RunControl control = new RunControl(watchdog);
        ExecutionFuture future = new ExecutionFuture(id, control);
        try {
            pool.execute(new Queued(future, control, task));
        } catch (RejectedExecutionException e) {
            if (pool.isShutdown()) {
                throw new RequestRejectedException(RequestRejectedException.Code.FAILED_PRECONDITION, "engine",
                        "the engine is closed", "build a new ExecutionEngine");
            }
            throw new RequestRejectedException(RequestRejectedException.Code.RESOURCE_EXHAUSTED, "engine",
                    "all " + concurrency + " workers are busy and the queue of " + queueCapacity + " is full",
                    "retry later, or raise ExecutionEngine.Builder.queueCapacity/concurrency");
        }
        return future;
    }

    /** What the sandbox could not enforce for a run, in plain words. */
    private static List<String> advisories(Limits limits, Placement placement, HttpPolicy http) {
        boolean inProcess = placement.isolation() == Isolation.IN_PROCESS;
        Language language = placement.language();
        List<String> n = new ArrayList<>();
        placement.fallback().ifPresent(n::add);
        if (language == Language.RUBY && inProcess) {
            n.add("in-process Ruby is for trusted code: TruffleRuby's internal primitives stay reachable from guest "
                    + "code and can read the host JVM's properties and environment and signal it (docs/security.md)");
        }
        return n;
    }

    /**
     * Where one execution runs: its language's in-process runtime, or a worker process; with the
     * notice of a fallback when the language's default (process) is unavailable here.
     */
    private record Placement(Language language, Isolation isolation, GuestLanguage runtime, ProcessRunner workers,
                             GuestRunner runner, Optional<String> fallback) {
        GuestRunner.RunResult run(ExecutionBinding binding, Limits limits, RunControl control, GuestRunner.Work work) {
            return isolation == Isolation.PROCESS ? workers.run(language, binding, limits, control, work)
                    : runner.run(runtime, binding, limits, control, work);
        }
    }

    /**
     * Decides where an execution of this language runs, before it is queued: a PROCESS language
     * whose sandbox is unavailable is rejected with the fix named, or, when PROCESS was only the
     * default, falls back to in-process with a notice.
     */
    private Placement place(Language language) {
        return place(language, Optional.empty());
    }

    /** As {@link #place(Language)}, honouring a request's own choice where this engine lets requests choose. */
    private Placement place(Language language, Optional<Isolation> requested) {
        validator.checkLanguage(language);
        if (requested.isPresent() && !requestIsolation) {
            throw RequestRejectedException.invalid("isolation", "this engine does not let requests choose their "
                    + "isolation (" + language.wireName() + " runs " + isolation.get(language) + ")",
                    "leave it unset, or build the engine with requestIsolation(true)");
        }
        Isolation mode = requested.orElse(isolation.get(language));
        if (requested.isPresent() && mode == Isolation.IN_PROCESS) {
            return new Placement(language, Isolation.IN_PROCESS, runtime(language), null, runner, Optional.empty());
        }
        if (mode == Isolation.PROCESS) {
            WorkerSandbox box = sandbox();
            if (box.available()) {
                return new Placement(language, Isolation.PROCESS, null, processRunner(), runner, Optional.empty());
            }
            String why = box.unavailableReason().orElse("unavailable");
            if (isolationChosen.contains(language) || requested.isPresent()) {
                throw new RequestRejectedException(RequestRejectedException.Code.FAILED_PRECONDITION, "isolation",
                        "process isolation is unavailable here: " + why, "in-process isolation for "
                        + language.wireName() + " (ExecutionEngine.Builder.isolation, corral --isolation in-process)");
            }
            return new Placement(language, Isolation.IN_PROCESS, runtime(language), null, runner,
                    Optional.of("process isolation is unavailable here (" + why + "); this " + language.wireName()
                            + " execution ran in-process, restricted"));
        }
        return new Placement(language, Isolation.IN_PROCESS, runtime(language), null, runner, Optional.empty());
    }

    /** Where each language's executions run (after any fallback this machine forces). */
    public Map<Language, Isolation> isolation() {
        Map<Language, Isolation> out = new EnumMap<>(Language.class);
        for (Language l : languages) {
            Isolation i = isolation.get(l);
            out.put(l, i == Isolation.PROCESS && !isolationChosen.contains(l) && !sandbox().available()
                    ? Isolation.IN_PROCESS : i);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Bubblewrap, checked once; a missing one is logged once. */
    private WorkerSandbox sandbox() {
        synchronized (workersLock) {
            if (sandbox == null) {
                processIsolationUnavailable();
                sandbox = probed;
                sandbox.unavailableReason().ifPresent(why -> java.util.logging.Logger.getLogger(
                        ExecutionEngine.class.getName()).warning("process isolation is unavailable: " + why
                        + (isolationChosen.stream().anyMatch(l -> isolation.get(l) == Isolation.PROCESS)
                        ? "; executions set to process isolation are rejected"
                        : "; ruby runs in-process, restricted")));
            }
            return sandbox;
        }
    }

    /** The worker pool, made on first use: the languages' resources are copied out for the sandbox first. */
    private ProcessRunner processRunner() {
        synchronized (workersLock) {
            if (closing) {
                throw new RequestRejectedException(RequestRejectedException.Code.FAILED_PRECONDITION, "engine",
                        "the engine is closed", "build a new ExecutionEngine");
            }
            if (processRunner == null) {
                try {
                    workers = new WorkerPool(sandbox(), WorkerResources.ready(), languageOptions.fileSystemBytes(),
                            WORKER_MAX_USES, Duration.ofSeconds(120), workerMainClass);
                } catch (java.io.IOException e) {
                    throw new RequestRejectedException(RequestRejectedException.Code.FAILED_PRECONDITION, "isolation",
                            "could not prepare worker processes: " + e.getMessage(),
                            "a writable temporary folder (java.io.tmpdir), or in-process isolation");
                }
                processRunner = new ProcessRunner(workers, watchdog, egressFactory, workerSilence);
                if (warmContexts > 0) {
                    for (Language l : languages) {
                        if (isolation.get(l) == Isolation.PROCESS) {
                            workers.keepReady(new WorkerPool.Key(l.wireName(),
                                    WorkerPool.memoryClass(defaultLimits.memorySizeMib())), warmContexts);
                        }
                    }
                }
            }
            return processRunner;
        }
    }

    /** The worker processes alive now (tests find the one to kill). */
    List<io.corral.engine.isolation.Worker> liveWorkers() {
        synchronized (workersLock) {
            return workers == null ? List.of() : workers.workers();
        }
    }

    /** How many executions a worker serves before it is replaced. */
    private static final int WORKER_MAX_USES = 200;

    private void trimWarmContexts() {
        List<GuestLanguage> all;
        synchronized (runtimes) {
            all = List.copyOf(runtimes.values());
        }
        all.forEach(GuestLanguage::trimIdle);
    }

    /** The language's runtime, created (without starting its GraalVM engine) on first request. */
    GuestLanguage runtime(Language language) {
        validator.checkLanguage(language);
        synchronized (runtimes) {
            GuestLanguage r = runtimes.get(language);
            if (r == null) {
                r = Languages.create(language, languageOptions);
                runtimes.put(language, r);
                if (warmContextsMax > 0) {
                    r.keepWarm(warmContexts, warmContextsMax);
                    if (warmContextsMemoryMib > 0) {
                        r.growWithin(warmBudget, WARM_CONTEXT_MIB.getOrDefault(language, 8));
                    }
                }
            }
            return r;
        }
    }

    /**
     * Starts every enabled language and creates one context of each, so the first execution of
     * each language does not pay for loading the language's runtime (seconds for Python, Ruby and
     * PHP on a fresh engine); with {@link Builder#warmContexts warm contexts}, starts filling them.
     * Blocks until done; a server calls it before it reports ready.
     *
     * @since 0.1
     */
    public void warmUp() {
        for (Language l : languages) {
            Placement p = place(l);
            if (p.isolation() == Isolation.PROCESS) {
                // a worker started and handed back: the next execution finds it ready
                WorkerPool.Key key = new WorkerPool.Key(l.wireName(),
                        WorkerPool.memoryClass(defaultLimits.memorySizeMib()));
                try {
                    workers.release(key, workers.take(key), false);
                } catch (java.io.IOException e) {
                    java.util.logging.Logger.getLogger(ExecutionEngine.class.getName()).warning(
                            "could not start a " + l.wireName() + " worker: " + e.getMessage());
                }
            } else {
                p.runtime().warmUp();
            }
        }
    }

    /** Version lines of the enabled languages ({@code Python 3.12.8 (GraalPy 25.0.0)}); starts each engine. */
    public Map<Language, String> languageVersions() {
        Map<Language, String> out = new EnumMap<>(Language.class);
        for (Language l : languages) {
            out.put(l, runtime(l).versionLine());
        }
        return out;
    }

    /**
     * How many contexts of {@code language} created ahead of time are waiting for an execution (0
     * without {@link Builder#warmContexts warm contexts}, and before the language's first use).
     * {@code corral bench} paces its latency runs on it, so each run finds a warm context.
     *
     * @since 0.1
     */
    public int warmContextsReady(Language language) {
        Placement p = place(language);
        if (p.isolation() == Isolation.PROCESS) {
            return workers.readyCount(new WorkerPool.Key(language.wireName(),
                    WorkerPool.memoryClass(defaultLimits.memorySizeMib())));
        }
        return p.runtime().warmContextsReady();
    }

    /**
     * Each started language's pool of contexts created ahead of time (languages not started yet
     * are absent: reading the figures never starts one).
     *
     * @since 0.1
     */
    public Map<Language, PoolStatistics> poolStatistics() {
        Map<Language, PoolStatistics> out = new EnumMap<>(Language.class);
        synchronized (runtimes) {
            runtimes.forEach((l, r) -> {
                long created = r.contextsCreated();
                out.put(l, new PoolStatistics(l, r.warmTarget(), r.warmContextsReady(), r.contextsTakenWarm(),
                        r.contextsCreatedOnDemand(), created,
                        created == 0 ? 0 : r.contextCreationNanos() / 1e6 / created));
            });
        }
        return out;
    }

    /** How many warm instances wait for a call (tests). */
    int warmInstancesWaiting() {
        return warmInstances.waitingCount();
    }

    /** The Truffle runtime in use: {@code GraalVM CE} with the JIT, {@code Interpreted} without. */
    public String truffleRuntime() {
        Language any = languages.iterator().next();
        return runtime(any).engine().getImplementationName();
    }

    public Set<Language> languages() {
        return languages;
    }

    /** What bounds this engine's guests (limits, quotas, files, outbound HTTP). */
    public Configuration configuration() {
        return configuration;
    }

    /**
     * Rejects new work, stops executions under way (each is recorded as cancelled), then closes
     * every language's GraalVM engine. Finishes within a bounded time whatever is running: work
     * that will not stop (a context that never finishes closing) is left behind on daemon threads.
     */
    @Override
    public void close() {
        for (Runnable never : pool.shutdownNow()) {
            if (never instanceof Queued q) {
                q.dropped();
            }
        }
        runner.cancelAll();
        ProcessRunner processes;
        synchronized (workersLock) {
            closing = true;
            processes = processRunner;
        }
        if (processes != null) {
            processes.cancelAll();
        }
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        warmInstances.close();
        synchronized (workersLock) {
            if (workers != null) {
                workers.close();
            }
        }
        watchdog.close();
        heapGuard.close();
        synchronized (runtimes) {
            runtimes.values().forEach(GuestLanguage::close);
            runtimes.clear();
        }
    }

    /**
     * Builder for {@link ExecutionEngine}. Every setter checks its argument and may be called once:
     * a setting made twice is a mistake (which one should win?) and is rejected with a message that
     * names both values. Unset settings take the defaults documented on each setter.
     */
    public static final class Builder {
        private Set<Language> languages;
        private Configuration configuration;
        private Integer concurrency;
        private Integer queueCapacity;
        private Integer warmContexts;
        private Integer warmContextsMax;
        private int warmContextsMemoryMib;
        private Integer warmInstances;
        private Integer warmInstanceUses;
        private Duration warmInstanceIdle;
        private Path cacheDirectory;
        private NameResolver nameResolver;
        private ToolStore toolStore;
        private SecretStore secretStore;
        private ExecutionStore executionStore;
        private Retention retention;
        private ExecutionListener listener;
        private final Map<Language, Isolation> isolation = new EnumMap<>(Language.class);
        private String workerMainClass = "io.corral.engine.WorkerMain";
        private boolean requestIsolation;
        private WorkerSandbox sandbox;
        private Duration workerSilence = ProcessRunner.SILENCE;

        private Builder() {
        }

        /** Tests only: the sandbox this engine sees (one that is unavailable). */
        Builder sandbox(WorkerSandbox sandbox) {
            this.sandbox = sandbox;
            return this;
        }

        /** Tests only: workers that misbehave on purpose, and how long a running worker may stay silent. */
        Builder workerFaults(String mainClass, Duration silence) {
            this.workerMainClass = mainClass;
            this.workerSilence = silence;
            return this;
        }

        /**
         * Where every language's executions run (default: {@link #defaultIsolation}).
         * {@link Isolation#PROCESS} needs bubblewrap; where it is missing the engine logs so once and
         * rejects those executions with the fix named.
         */
        public Builder isolation(Isolation mode) {
            Objects.requireNonNull(mode, "isolation");
            for (Language l : Language.values()) {
                isolation(l, mode);
            }
            return this;
        }

        /**
         * Whether a request may choose its own isolation ({@code ScriptRequest.Builder.isolation},
         * {@code FunctionRequest.Builder.isolation}); default false: a request that asks is rejected.
         * Turn it on only where requests come from code you trust to choose (a request may ask for
         * in-process Ruby, which is for trusted code).
         */
        public Builder requestIsolation(boolean allowed) {
            this.requestIsolation = allowed;
            return this;
        }

        /** Where one language's executions run (default: {@link #defaultIsolation}). */
        public Builder isolation(Language language, Isolation mode) {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(mode, "isolation");
            once(this.isolation.get(language), "isolation of " + language.wireName(), mode.wireName());
            this.isolation.put(language, mode);
            return this;
        }

        private static void once(Object current, String setting, Object next) {
            if (current != null) {
                throw new IllegalStateException(setting + " was already set to " + current + " (now " + next
                        + "): set it once");
            }
        }

        /** Languages this engine runs (default: every language available in this build). */
        public Builder languages(Language... languages) {
            if (languages.length == 0) {
                throw new IllegalArgumentException("languages: at least one language is required");
            }
            EnumSet<Language> set = EnumSet.noneOf(Language.class);
            for (Language l : languages) {
                if (!Languages.available().contains(l)) {
                    throw new IllegalArgumentException("languages: " + l.wireName()
                            + " is not available in this build; available: " + Languages.available()
                            + " (PHP needs the corral-php artifact on the class path)");
                }
                set.add(l);
            }
            once(this.languages, "languages", set);
            this.languages = set;
            return this;
        }

        /**
         * What bounds the guests: default and maximum limits, request quotas, input files, outbound
         * HTTP (default {@link Configuration#RIZA}; derive variants with {@code Configuration.RIZA.toBuilder()}).
         */
        public Builder configuration(Configuration configuration) {
            Objects.requireNonNull(configuration, "configuration");
            once(this.configuration, "configuration", configuration);
            this.configuration = configuration;
            return this;
        }

        /** Executions that run at once, on platform threads (default: the number of cores, at least 2). */
        public Builder concurrency(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, got " + threads);
            }
            once(this.concurrency, "concurrency", threads);
            this.concurrency = threads;
            return this;
        }

        /** Executions that may wait for a worker (default 64); beyond that runs are rejected. */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, got " + capacity);
            }
            once(this.queueCapacity, "queueCapacity", capacity);
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Contexts per language created ahead of time, in the background, once the language is
         * first used (default 1; 0: on demand). Each still serves exactly one execution; a warm
         * context saves the context start-up (hundreds of ms for Python, Ruby and PHP) at the cost of
         * that start-up happening earlier and of the memory the waiting contexts hold (Python ~2 MB,
         * Ruby ~12 MB, PHP 64 MB each). One engine that runs a single execution and closes (the
         * one-shot {@code corral run}) should set 0: a replacement made after its only execution
         * would only delay its close.
         */
        public Builder warmContexts(int perLanguage) {
            if (perLanguage < 0 || perLanguage > 64) {
                throw new IllegalArgumentException("warmContexts must be 0..64, got " + perLanguage);
            }
            once(this.warmContexts, "warmContexts", perLanguage);
            this.warmContexts = perLanguage;
            return this;
        }

        /**
         * Warm contexts that adapt to demand (instead of {@link #warmContexts(int)}'s fixed number):
         * each language's pool starts with {@code min} ready, keeps one more each time an execution
         * finds none waiting (up to {@code max}), and one fewer for every
         * 30 s in which none did (down to {@code min}). Contexts are
         * made on one background thread per language at the lowest priority, after the executions
         * they replace are over, so refills never take the CPU from running executions; the pool
         * starts filling with the language's first use or {@link #warmUp}, drains on {@link #close},
         * and {@link #poolStatistics} shows its current target, hits and misses. Each waiting context
         * holds its memory (Python ~2 MB, Ruby ~12 MB, PHP 64 MB): choose {@code max} with that in
         * mind. {@code warmContexts(n)} is {@code warmContexts(n, n)}.
         */
        public Builder warmContexts(int min, int max) {
            if (min < 0 || max < min || max > 64) {
                throw new IllegalArgumentException("warmContexts needs 0 <= min <= max <= 64, got " + min + ".." + max);
            }
            once(this.warmContexts, "warmContexts", min);
            this.warmContexts = min;
            this.warmContextsMax = max;
            return this;
        }

        /**
         * A memory budget for the contexts the pools keep waiting, over all languages (MiB; default 0:
         * none, each pool bounded by its maximum only): a pool that would grow past it stays as it
         * is. Counted per waiting context as Python, JavaScript and TypeScript ~2 MiB, Ruby ~12, PHP
         * 64. Only growth past the minimum ({@link #warmContexts(int, int)}) is held to it.
         */
        public Builder warmContextsMemory(int mib) {
            if (mib < 0) {
                throw new IllegalArgumentException("warmContextsMemory must be >= 0 MiB, got " + mib);
            }
            this.warmContextsMemoryMib = mib;
            return this;
        }

        /**
         * Warm instances kept at most, over all tools and functions (default 32; 0 turns them off:
         * every call runs in a fresh context). A warm instance is a context that has evaluated one function's code and serves
         * further calls of it: only tools that opted in ({@code ToolSpec.Builder.warmInstances}) and
         * function requests marked {@code reusable} use them, each only with calls of the same tool
         * revision (or code), environment and secret values, HTTP policy and
         * {@code instanceScope}. Each waiting instance holds a context's memory (Python ~2 MB plus
         * what the function keeps, Ruby ~12 MB); when more wait, the one that waited longest is
         * closed. See {@code docs/tools-secrets-history.md}.
         *
         * @since 0.1
         */
        public Builder warmInstances(int maxInstances) {
            if (maxInstances < 0 || maxInstances > 4096) {
                throw new IllegalArgumentException("warmInstances must be 0..4096, got " + maxInstances);
            }
            once(this.warmInstances, "warmInstances", maxInstances);
            this.warmInstances = maxInstances;
            return this;
        }

        /**
         * Calls one warm instance serves at most before it is closed and the next call starts a
         * fresh one (default 10,000): bounds what a function's module-level state can grow to, and
         * how long one context lives. Not much lower: a new instance's copy of the function is
         * compiled by the JIT anew, so its first few hundred calls are slower.
         *
         * @since 0.1
         */
        public Builder warmInstanceUses(int maxUses) {
            if (maxUses < 1 || maxUses > 1_000_000) {
                throw new IllegalArgumentException("warmInstanceUses must be 1..1000000, got " + maxUses);
            }
            once(this.warmInstanceUses, "warmInstanceUses", maxUses);
            this.warmInstanceUses = maxUses;
            return this;
        }

        /**
         * How long a warm instance may wait for its next call before it is closed (default 5
         * minutes; from 1 second to 1 day).
         *
         * @since 0.1
         */
        public Builder warmInstanceIdle(Duration idle) {
            Objects.requireNonNull(idle, "warmInstanceIdle");
            if (idle.compareTo(Duration.ofSeconds(1)) < 0 || idle.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("warmInstanceIdle must be 1 s to 1 day, got " + idle);
            }
            once(this.warmInstanceIdle, "warmInstanceIdle", idle);
            this.warmInstanceIdle = idle;
            return this;
        }

        /**
         * Where the engine may keep derived data on disk between runs (TypeScript's transpiled
         * output, under {@code typescript/}); created owner-only. Default: none, everything stays in
         * this engine's memory. The cache holds guest source text and tells whether the same program
         * ran before, so give each user (or tenant) a directory of its own, and leave it unset in a
         * multi-tenant server.
         */
        public Builder cacheDirectory(Path directory) {
            Objects.requireNonNull(directory, "cacheDirectory");
            once(this.cacheDirectory, "cacheDirectory", directory);
            this.cacheDirectory = directory;
            return this;
        }

        /** How allowed host names are resolved (default: the system resolver); tests map names to 127.0.0.1. */
        public Builder nameResolver(NameResolver resolver) {
            Objects.requireNonNull(resolver, "nameResolver");
            once(this.nameResolver, "nameResolver", resolver);
            this.nameResolver = resolver;
            return this;
        }

        /** Where tools live (default: a new {@link InMemoryToolStore}). */
        public Builder toolStore(ToolStore store) {
            Objects.requireNonNull(store, "toolStore");
            once(this.toolStore, "toolStore", store);
            this.toolStore = store;
            return this;
        }

        /** Where secrets live (default: a new {@link InMemorySecretStore}). */
        public Builder secretStore(SecretStore store) {
            Objects.requireNonNull(store, "secretStore");
            once(this.secretStore, "secretStore", store);
            this.secretStore = store;
            return this;
        }

        /** Where execution records live (default: a new {@link InMemoryExecutionStore}). */
        public Builder executionStore(ExecutionStore store) {
            Objects.requireNonNull(store, "executionStore");
            once(this.executionStore, "executionStore", store);
            this.executionStore = store;
            return this;
        }

        /** How much history to keep (default {@link Retention#DEFAULT}: the newest 10,000). */
        public Builder retention(Retention retention) {
            Objects.requireNonNull(retention, "retention");
            once(this.retention, "retention", retention);
            this.retention = retention;
            return this;
        }

        /** Told about every recorded execution (default: none); see {@link ExecutionListener}. */
        public Builder listener(ExecutionListener listener) {
            Objects.requireNonNull(listener, "listener");
            once(this.listener, "listener", listener);
            this.listener = listener;
            return this;
        }

        public ExecutionEngine build() {
            return new ExecutionEngine(this);
        }
    }
}
