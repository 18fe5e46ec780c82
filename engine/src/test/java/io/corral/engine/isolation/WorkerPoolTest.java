package io.corral.engine.isolation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a worker JVM gets the host's compiler, in each way the host can have it. */
class WorkerPoolTest {

    @Test
    void aHostWithTheCompilerOnTheUpgradeModulePathPassesItOn() {
        assertEquals(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "--upgrade-module-path=/jit/a.jar"),
                WorkerPool.compilerFlags(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI"), "/jit/a.jar"));
    }

    @Test
    void aHostWithTheCompilerOnTheModulePathEnablesJvmciInTheWorker() {
        // the launcher's linked runtime: without JVMCI the worker's Truffle runtime fails at start-up
        assertEquals(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI"),
                WorkerPool.compilerFlags(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI", "-Xss16m"), null));
    }

    @Test
    void aHostWithoutTheCompilerRunsWorkersInterpretedQuietly() {
        assertEquals(List.of("-Dpolyglot.engine.WarnInterpreterOnly=false"), WorkerPool.compilerFlags(List.of("-Xss16m"), ""));
    }
}
