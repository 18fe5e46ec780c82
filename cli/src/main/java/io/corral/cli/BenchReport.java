package io.corral.cli;

import io.corral.api.Language;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code corral bench} measured, as a few lines or as one JSON object (docs/performance.md). */
final class BenchReport {

    final Language language;
    final String isolation;
    final int iterations;
    final int warmup;
    final int poolSize;
    final int pacingMs;
    final String program;
    String truffleRuntime;
    List<Double> latenciesMs;
    List<Double> refillMs;
    int throughputExecutions;
    double throughputSeconds;
    SpawnBaseline.Result spawn;
    List<String> jvmFlags;

    BenchReport(Language language, String isolation, int iterations, int warmup, int poolSize, int pacingMs,
                String program) {
        this.language = language;
        this.isolation = isolation;
        this.iterations = iterations;
        this.warmup = warmup;
        this.poolSize = poolSize;
        this.pacingMs = pacingMs;
        this.program = program;
    }

    /** The optimizing Truffle runtime is on (not {@code Interpreted}). */
    boolean jit() {
        return truffleRuntime != null && !truffleRuntime.toLowerCase(Locale.ROOT).contains("interpreted");
    }

    Double executionsPerSecond() {
        return throughputSeconds > 0 ? throughputExecutions / throughputSeconds : null;
    }

    /** How many times longer a spawn takes than a warm Corral run (above 1: Corral is faster). */
    Double ratio() {
        return spawn != null && spawn.measured() ? spawn.p50Ms() / latency().p50() : null;
    }

    private Percentiles latency() {
        return Percentiles.of(latenciesMs);
    }

    String summary() {
        Percentiles l = latency();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "corral bench: %s, %s, %s (%s), pool of %d warm contexts, %d cores%n",
                language.wireName(), isolation, truffleRuntime, jit() ? "JIT" : "no JIT", poolSize,
                Runtime.getRuntime().availableProcessors()));
        s.append(String.format(Locale.ROOT, "warm latency: p50 %s ms, p99 %s ms, min %s ms (%d runs of %s;"
                        + " each after the pool refilled, p50 %s ms, and %d ms more)%n",
                BenchCommand.ms(l.p50()), BenchCommand.ms(l.p99()), BenchCommand.ms(l.min()), iterations, program,
                BenchCommand.ms(Percentiles.of(refillMs).p50()), pacingMs));
        if (executionsPerSecond() != null) {
            s.append(String.format(Locale.ROOT, "throughput: %.1f executions/s (%d threads, %d runs in %.1f s,"
                            + " context creation and close included)%n",
                    executionsPerSecond(), BenchCommand.THREADS, throughputExecutions, throughputSeconds));
        }
        if (spawn != null) {
            if (spawn.measured()) {
                s.append(String.format(Locale.ROOT, "spawn baseline: %s p50 %s ms (%d spawns): a warm run takes"
                                + " 1/%.1f of it%n", String.join(" ", spawn.command()), BenchCommand.ms(spawn.p50Ms()),
                        spawn.spawns(), ratio()));
            } else {
                s.append("spawn baseline: ").append(spawn.note()).append(System.lineSeparator());
            }
        }
        return s.toString().stripTrailing();
    }

    String json() {
        Percentiles l = latency();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("language", language.wireName());
        o.put("isolation", isolation);
        o.put("iterations", latenciesMs.size());
        o.put("warmup", warmup);
        o.put("program", program);
        o.put("p50_ms", l.p50());
        o.put("p99_ms", l.p99());
        o.put("min_ms", l.min());
        o.put("max_ms", l.max());
        o.put("mean_ms", l.mean());
        o.put("pool_size", poolSize);
        o.put("pacing_ms", pacingMs);
        o.put("pool_refill_p50_ms", Percentiles.of(refillMs).p50());
        o.put("executions_per_second", executionsPerSecond());
        o.put("throughput_threads", BenchCommand.THREADS);
        o.put("throughput_executions", throughputExecutions);
        o.put("throughput_seconds", throughputSeconds);
        if (spawn != null) {
            o.put("spawn_baseline_command", String.join(" ", spawn.command()));
            o.put("spawn_baseline_p50_ms", spawn.measured() ? spawn.p50Ms() : null);
            o.put("ratio", ratio());
            if (!spawn.measured()) {
                o.put("spawn_baseline_note", spawn.note());
            }
        }
        o.put("jit", jit());
        o.put("truffle_runtime", truffleRuntime);
        o.put("java_version", System.getProperty("java.version"));
        o.put("available_processors", Runtime.getRuntime().availableProcessors());
        o.put("jvm_flags", jvmFlags);
        return Json.write(o);
    }

    /** Just enough JSON for this report: strings, numbers, booleans, null, lists of strings. */
    static final class Json {
        private Json() {
        }

        static String write(Map<String, Object> object) {
            StringBuilder s = new StringBuilder("{");
            for (Map.Entry<String, Object> e : object.entrySet()) {
                if (s.length() > 1) {
                    s.append(", ");
                }
                string(s, e.getKey());
                s.append(": ");
                value(s, e.getValue());
            }
            return s.append('}').toString();
        }

        private static void value(StringBuilder s, Object v) {
            if (v == null) {
                s.append("null");
            } else if (v instanceof Double d) {
                s.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "null");
            } else if (v instanceof Number || v instanceof Boolean) {
                s.append(v);
            } else if (v instanceof List<?> list) {
                s.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        s.append(", ");
                    }
                    value(s, list.get(i));
                }
                s.append(']');
            } else {
                string(s, v.toString());
            }
        }

        private static void string(StringBuilder s, String text) {
            s.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '\t' -> s.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            s.append('"');
        }
    }
}
