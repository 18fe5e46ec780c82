package io.corral.engine.isolation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The OS sandbox a worker JVM runs in, built with bubblewrap ({@code bwrap}): no network namespace
 * (no sockets but the worker channel, a Unix socket bound in), new pid, ipc, uts and cgroup
 * namespaces, a read-only view of only the JDK, Corral's jars and the shared libraries the JDK
 * loads, an empty private {@code /tmp}, no host environment, {@code --die-with-parent} and a new
 * session.
 *
 * <p>Processes are bounded by {@code RLIMIT_NPROC} (set with {@code prlimit} before the sandbox
 * starts), which Linux enforces only for an unprivileged user: when the host runs as root, bwrap
 * runs as root (it can then bind jars from any host folder) and the worker drops to a user of its
 * own ({@code setpriv}: a uid no other process uses, no groups, no capabilities,
 * {@code no_new_privs}), so the bound counts the worker's own threads and processes only. When the
 * host does not run as root, bwrap runs as the host's user inside a new user namespace and the
 * bound counts that user's processes (the host's included), set above their number at start.
 * Memory: the worker's heap is sized by the caller ({@code -Xmx}); {@code RLIMIT_AS} bounds the
 * address space of every process in the sandbox.
 */
public final class WorkerSandbox {

    private static final String BWRAP_FIX = "install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap) "
            + "and allow it to create namespaces (kernel.unprivileged_userns_clone=1 when not root), "
            + "or run with isolation in-process";

    /** Where the worker sees its channel folder. */
    public static final String CHANNEL_FOLDER = "/run/corral";

    /**
     * Threads and processes one worker's user may have. Threads count too (the JVM has ~40; each live
     * Ruby fiber is one, so a worker's Ruby allows 150); the rest is room for a guest's processes.
     */
    public static final int PROCESS_BOUND = 256;

    private final Path bwrap;
    private final Path prlimit;
    private final Path setpriv;
    private final boolean root;
    private final String unavailable;

    private WorkerSandbox(Path bwrap, Path prlimit, Path setpriv, boolean root, String unavailable) {
        this.bwrap = bwrap;
        this.prlimit = prlimit;
        this.setpriv = setpriv;
        this.root = root;
        this.unavailable = unavailable;
    }

    /**
     * Finds bubblewrap and checks once that it can build a sandbox here (it runs {@code true}-like
     * work inside one). Never throws: {@link #unavailableReason} says what is missing.
     */
    public static WorkerSandbox probe() {
        Path bwrap = onPath("bwrap");
        Path prlimit = onPath("prlimit");
        Path setpriv = onPath("setpriv");
        boolean root = "root".equals(System.getProperty("user.name")) || isUidZero();
        if (bwrap == null) {
            return new WorkerSandbox(null, prlimit, setpriv, root, "bubblewrap (bwrap) is not installed; " + BWRAP_FIX);
        }
        if (prlimit == null) {
            return new WorkerSandbox(bwrap, null, setpriv, root,
                    "prlimit (util-linux) is not installed; it bounds the worker's processes: apt-get install util-linux");
        }
        if (root && setpriv == null) {
            return new WorkerSandbox(bwrap, prlimit, null, root,
                    "setpriv (util-linux) is not installed; a root host needs it to run workers as their own user: "
                            + "apt-get install util-linux");
        }
        WorkerSandbox candidate = new WorkerSandbox(bwrap, prlimit, setpriv, root, null);
        String problem = candidate.trial();
        return problem == null ? candidate
                : new WorkerSandbox(bwrap, prlimit, setpriv, root, "bubblewrap cannot build a sandbox here (" + problem
                        + "); " + BWRAP_FIX);
    }

    /** A sandbox that cannot run, for {@code reason} (what an engine sees on a machine without bubblewrap). */
    public static WorkerSandbox unavailable(String reason) {
        return new WorkerSandbox(null, null, null, false, reason);
    }

    public boolean available() {
        return unavailable == null;
    }

    /** Why PROCESS isolation cannot run here, with the fix; empty when it can. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    /** Whether workers get a user of their own (the host runs as root). */
    public boolean separateUsers() {
        return root;
    }

    /**
     * The command that runs {@code command} (a JVM) in a sandbox.
     *
     * @param readOnly       host files and folders shown read-only at the same path (the JDK, jars)
     * @param channelFolder  the host folder holding the worker's channel socket, shown at {@link #CHANNEL_FOLDER}
     * @param uid            the worker's own user when {@link #separateUsers()}
     * @param addressSpace   the bound of each process's address space, in bytes
     */
    public List<String> command(Set<Path> readOnly, Path channelFolder, int uid, long addressSpace,
                                List<String> command) {
        if (unavailable != null) {
            throw new IllegalStateException(unavailable);
        }
        int processBound = root ? PROCESS_BOUND : userProcesses() + PROCESS_BOUND;
        List<String> c = new ArrayList<>();
        c.add(prlimit.toString());
        c.add("--nproc=" + processBound + ":" + processBound);
        c.add("--as=" + addressSpace + ":" + addressSpace);
        c.add("--core=0:0");
        c.add("--");
        c.add(bwrap.toString());
        if (root) {
            // bwrap as root makes the namespaces; the worker then drops to its own user (below), which
            // is what makes RLIMIT_NPROC count: Linux does not enforce it for root
            c.addAll(List.of("--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"));
        } else {
            c.add("--unshare-all");
        }
        c.addAll(List.of("--die-with-parent", "--new-session", "--clearenv", "--hostname", "corral-worker",
                "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "LANG", "C.UTF-8", "--setenv", "MALLOC_ARENA_MAX", "2"));
        // the private mounts first: a host folder shown below /tmp (the languages' resources) goes on top
        c.addAll(List.of("--perms", "1777", "--tmpfs", "/tmp", "--proc", "/proc", "--dev", "/dev"));
        Set<Path> shown = new LinkedHashSet<>();
        shown.add(Path.of("/usr/lib/x86_64-linux-gnu"));
        shown.add(Path.of("/usr/lib64"));
        for (Path p : readOnly) {
            shown.add(p.toAbsolutePath().normalize());
        }
        // bwrap makes missing parent folders owner-only; the worker's user must traverse them
        Set<Path> parents = new TreeSet<>();
        for (Path p : shown) {
            for (Path q = p.getParent(); q != null && q.getParent() != null; q = q.getParent()) {
                parents.add(q);
            }
        }
        parents.addAll(List.of(Path.of("/usr"), Path.of("/usr/bin"), Path.of("/bin"), Path.of("/run")));
        parents.removeAll(List.of(Path.of("/tmp"), Path.of("/proc"), Path.of("/dev")));
        for (Path d : parents) {
            if (!shown.contains(d)) {
                c.addAll(List.of("--perms", "0755", "--dir", d.toString()));
            }
        }
        for (Path p : shown) {
            if (Files.exists(p)) {
                c.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        c.addAll(List.of("--bind", channelFolder.toString(), CHANNEL_FOLDER));
        c.addAll(List.of("--symlink", "usr/lib64", "/lib64", "--symlink", "usr/lib", "/lib"));
        Path sh = Path.of("/usr/bin/dash");
        if (Files.exists(sh)) {
            // a shell, so a guest's `system` has something to run (bounded like every process here)
            c.addAll(List.of("--ro-bind", sh.toString(), "/bin/sh"));
        }
        c.addAll(List.of("--chdir", "/tmp"));
        if (root) {
            c.addAll(List.of("--ro-bind", setpriv.toString(), "/usr/bin/setpriv", "--",
                    "/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "--inh-caps=-all",
                    "--bounding-set=-all", "--no-new-privs"));
        } else {
            c.add("--");
        }
        c.addAll(command);
        return c;
    }

    /** Runs a shell's {@code exit 0} in a minimal sandbox; null when that worked, else what went wrong. */
    private String trial() {
        try {
            Path folder = Files.createTempDirectory("corral-probe");
            try {
                List<String> cmd = command(Set.of(), folder, 199_999, 1L << 30, List.of("/bin/sh", "-c", "exit 0"));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                        new java.io.File("/dev/null"))).start();
                byte[] out = p.getInputStream().readNBytes(4096);
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return "the trial sandbox did not finish in 20 s";
                }
                if (p.exitValue() != 0) {
                    String text = new String(out, StandardCharsets.UTF_8).strip();
                    return "bwrap exited with " + p.exitValue() + (text.isEmpty() ? "" : ": " + text);
                }
                return null;
            } finally {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static int userProcesses() {
        try (var s = Files.list(Path.of("/proc"))) {
            long own = ProcessHandle.current().info().user().map(u -> s.filter(p -> p.getFileName().toString()
                    .chars().allMatch(Character::isDigit)).count()).orElse(0L);
            // threads count too: bound above what exists now, generously
            return (int) Math.min(100_000, own * 64);
        } catch (IOException e) {
            return 4096;
        }
    }

    private static boolean isUidZero() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return false;
    }

    private static Path onPath(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
