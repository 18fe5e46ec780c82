package io.corral.engine;

import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A host JVM for {@link MemoryLimitHostTest}, started with a small heap: one engine runs a Python
 * program that holds eight times its memory_size beside three that hold a little of theirs, all
 * at once, and prints how each ended ({@code bomb <kind> <exit code> <notices>}, {@code benign
 * <exit code> <stdout>}), then {@code closed} once the engine is closed.
 */
public final class MemoryLimitHost {

    /** The arguments of the benign executions; each prints {@code n total 8}. */
    static final int[] BENIGN = {3, 5, 7};

    private MemoryLimitHost() {
    }

    public static void main(String[] args) {
        // time limits far above what the programs need, even on a loaded machine: this test is about memory
        try (ExecutionEngine engine = ExecutionEngine.newBuilder().languages(Language.PYTHON).concurrency(4)
                .warmContexts(0)
                .configuration(io.corral.api.Configuration.RIZA.toBuilder()
                        .defaultExecutionTimeout(java.time.Duration.ofMinutes(4)).build())
                .build()) {
            // the language's start-up happens before any execution is watched, as in a warmed-up server
            engine.warmUp();
            ExecutionFuture bomb = engine.runAsync(ScriptRequest.of(Language.PYTHON, program("memory_bomb")));
            List<ExecutionFuture> benign = new ArrayList<>();
            for (int n : BENIGN) {
                benign.add(engine.runAsync(ScriptRequest.newBuilder(Language.PYTHON, program("memory_benign"))
                        .args(Integer.toString(n)).build()));
            }
            Execution b = bomb.join();
            System.out.println("bomb " + b.outcome().kind() + " " + b.exitCode() + " " + String.join(" | ", b.notices()));
            for (ExecutionFuture f : benign) {
                Execution e = f.join();
                System.out.println("benign " + e.exitCode() + " " + e.scriptResult().stdout().strip());
            }
        }
        System.out.println("closed");
    }

    /** The Python program of a scenario (read directly: {@code TestEngine} would start its own engine). */
    private static String program(String scenario) {
        try (InputStream in = MemoryLimitHost.class.getResourceAsStream("/scenarios/" + scenario + "/main.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
