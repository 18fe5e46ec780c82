package io.corral.cli;

import io.corral.api.Language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What running a program costs the way it is done without Corral: spawning the language's usual
 * interpreter with an empty program, timed from {@code start()} to its exit.
 *
 * <pre>{@code
 * SpawnBaseline.Result r = SpawnBaseline.measure(Language.PYTHON, 50);
 * r.p50Ms();   // e.g. 18.4 for /usr/bin/python3 -c pass
 * }</pre>
 */
final class SpawnBaseline {

    /** Untimed spawns first, so the interpreter's files are in the page cache. */
    private static final int WARMUP = 3;

    /** The median of {@code spawns} runs of {@code command}, or why there is none ({@code note}). */
    record Result(List<String> command, double p50Ms, int spawns, String note) {
        boolean measured() {
            return note == null;
        }
    }

    private SpawnBaseline() {
    }

    /** The interpreter command line for {@code language}, with an empty program. */
    static List<String> command(Language language) {
        return switch (language) {
            case PYTHON -> List.of("/usr/bin/python3", "-c", "pass");
            // TypeScript users spawn node too (after transpiling, or through a loader that costs more)
            case JAVASCRIPT, TYPESCRIPT -> List.of("node", "-e", "0");
            case RUBY -> List.of("ruby", "-e", "0");
            case PHP -> List.of("php", "-r", "");
        };
    }

    static Result measure(Language language, int spawns) {
        List<String> command = command(language);
        Optional<Path> executable = find(command.get(0));
        if (executable.isEmpty()) {
            return new Result(command, 0, 0, command.get(0) + " is not installed; no spawn baseline");
        }
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, executable.get().toString());
        List<Double> times = new ArrayList<>();
        try {
            for (int i = 0; i < WARMUP + spawns; i++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(resolved)
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                int status = p.waitFor();
                long t1 = System.nanoTime();
                if (status != 0) {
                    return new Result(command, 0, 0, String.join(" ", command) + " exited " + status
                            + "; no spawn baseline");
                }
                if (i >= WARMUP) {
                    times.add((t1 - t0) / 1e6);
                }
            }
        } catch (IOException e) {
            return new Result(command, 0, 0, "could not start " + command.get(0) + " (" + e.getMessage()
                    + "); no spawn baseline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, 0, 0, "interrupted; no spawn baseline");
        }
        return new Result(command, Percentiles.of(times).p50(), spawns, null);
    }

    /** An absolute path as it is, else the first match on {@code PATH}. */
    private static Optional<Path> find(String name) {
        if (name.startsWith("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
