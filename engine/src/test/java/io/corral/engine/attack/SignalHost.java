package io.corral.engine.attack;

import io.corral.api.Execution;
import io.corral.api.Language;
import io.corral.api.ScriptRequest;
import io.corral.engine.ExecutionEngine;

/**
 * A host JVM for {@link HostSignalTest}: runs one guest program that tries to take over the
 * host's SIGTERM and SIGINT handlers, prints the guest's output and {@code ready}, then waits to
 * be signalled. Whoever sends it SIGTERM sees whether the host still shuts down.
 */
public final class SignalHost {

    private SignalHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        Language language = Language.parse(args[0]);
        String code = switch (language) {
            case PYTHON -> String.join("\n",
                    "import signal",
                    "signal.signal(signal.SIGTERM, lambda s, f: print('guest handler'))",
                    "signal.signal(signal.SIGINT, signal.SIG_IGN)",
                    "print('installed')");
            case RUBY -> "Signal.trap('TERM') { puts 'guest handler' }\ntrap('INT', 'IGNORE')\nputs 'installed'";
            default -> throw new IllegalArgumentException("no signal program for " + language);
        };
        // the engine is left open on purpose: the host must shut down with it running. In-process:
        // the guest runs in this JVM (Ruby's default, a worker process, could not reach it at all)
        ExecutionEngine engine = ExecutionEngine.newBuilder().languages(language)
                .isolation(language, io.corral.api.Isolation.IN_PROCESS).build();
        Execution ex = engine.run(ScriptRequest.of(language, code));
        System.out.print(ex.scriptResult().stdout());
        System.out.println("exit " + ex.exitCode());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
