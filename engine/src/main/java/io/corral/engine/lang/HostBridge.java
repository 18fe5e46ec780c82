package io.corral.engine.lang;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * The only host object a guest can reach: a proxy (never a Java object, so nothing about the
 * host can be reflected on) with the few functions a language's prelude needs and cannot do in
 * the guest itself: raw writes to stdout/stderr and a process exit the guest cannot catch.
 *
 * <ul>
 *   <li>{@code write(fd, text)}: fd 1 = stdout, 2 = stderr, no newline added</li>
 *   <li>{@code exit(code)}: records the exit status and stops the execution</li>
 * </ul>
 */
public final class HostBridge implements ProxyObject {

    /** Thrown into the guest by {@code exit}; the engine reads the recorded status instead. */
    public static final class GuestExit extends RuntimeException {
        GuestExit() {
            super("process exit", null, false, false);
        }
    }

    private static final Set<String> MEMBERS = Set.of("write", "exit");

    private final OutputStream stdout;
    private final OutputStream stderr;
    private final IntConsumer onExit;
    private volatile Integer exitStatus;

    public HostBridge(OutputStream stdout, OutputStream stderr, IntConsumer onExit) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.onExit = onExit;
    }

    /** The status the guest asked to exit with, or null when it did not call {@code exit}. */
    public Integer exitStatus() {
        return exitStatus;
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "write" -> (ProxyExecutable) this::write;
            case "exit" -> (ProxyExecutable) this::exit;
            default -> null;
        };
    }

    private Object write(Value... args) {
        int fd = args.length > 0 && args[0].fitsInInt() ? args[0].asInt() : 1;
        String text = args.length > 1 && !args[1].isNull() ? args[1].asString() : "";
        OutputStream target = fd == 2 ? stderr : stdout;
        try {
            target.write(text.getBytes(StandardCharsets.UTF_8));
            target.flush();
        } catch (IOException e) {
            // the guest's output is a memory buffer; nothing can fail here that the guest could fix
        }
        return true;
    }

    private Object exit(Value... args) {
        int code = args.length > 0 && args[0].fitsInInt() ? args[0].asInt() : 0;
        if (exitStatus == null) {
            exitStatus = code;
        }
        onExit.accept(code);
        throw new GuestExit();
    }

    @Override
    public Object getMemberKeys() {
        return MEMBERS.toArray(new String[0]);
    }

    @Override
    public boolean hasMember(String key) {
        return MEMBERS.contains(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("the host bridge is read-only");
    }
}
