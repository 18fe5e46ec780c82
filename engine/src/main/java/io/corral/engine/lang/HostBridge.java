package io.corral.engine.lang;

import io.corral.engine.egress.GuestHttp;
import io.corral.engine.egress.GuestHttpCall;
import io.corral.engine.files.GuestFileSystem;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only host object a guest can reach: a proxy (never a Java object, so nothing about the
 * host can be reflected on) with the few functions a language's prelude needs and cannot do in
 * the guest itself: raw writes to stdout/stderr and a process exit the guest cannot catch.
 *
 * <ul>
 *   <li>{@code write(fd, text)}: fd 1 = stdout, 2 = stderr, no newline added</li>
 *   <li>{@code exit(code)}: records the exit status and stops the execution</li>
 *   <li>{@code recordExit(code)}: records the exit status only (the language's own exit follows)</li>
 *   <li>{@code sleep(ms)}: waits on the guest's thread (an event loop waiting for its next timer);
 *       the watchdog's cancel interrupts it</li>
 *   <li>{@code clock()}: monotonic nanoseconds since the execution was bound, as a number</li>
 *   <li>{@code randomBytes(n)}: n (at most 65536) bytes from {@link SecureRandom}, as hex text</li>
 *   <li>{@code digest(algorithm, data, key)}: the hash ({@code key} null) or HMAC of {@code data} (a
 *       binary string: one char per byte) with the JDK's {@code MessageDigest}/{@code Mac}, as hex
 *       text; {@code algorithm} is a Node name ({@code md5}, {@code sha1}, {@code sha256},
 *       {@code sha512}, {@code sha3-256}, …)</li>
 *   <li>{@code readFile(path)}: a file of the execution's in-memory file system ({@code /mnt/req},
 *       {@code /tmp}) as {@code {ok, data}} (a binary string) or {@code {ok: false, code, error}},
 *       for languages whose file APIs cannot use Truffle's file system</li>
 *   <li>{@code fs(op, path, data)}: the other file operations on the same in-memory file system:
 *       {@code write}, {@code append}, {@code mkdir}, {@code unlink}, {@code list}, {@code kind};
 *       writes are refused under {@code /mnt/req} ({@code EROFS}), and only {@code /tmp} exists to
 *       write in. Answers {@code {ok, data}} or {@code {ok: false, code, error}}</li>
 *   <li>{@code http(method, url, headersJson, body, maxMillis)}: one request through the execution's
 *       egress gateway, optionally bounded further by the guest (an abort it arranged); see
 *       {@link GuestHttpCall}</li>
 * </ul>
 */
public final class HostBridge implements ProxyObject {

    /** Thrown into the guest by {@code exit}; the engine reads the recorded status instead. */
    public static final class GuestExit extends RuntimeException {
        GuestExit() {
            super("process exit", null, false, false);
        }
    }

    private static final Set<String> MEMBERS = Set.of("write", "exit", "sleep", "clock", "randomBytes", "readFile",
            "http", "fs", "recordExit", "digest");

    /** Node's digest names and the JDK's; every JDK has these (MessageDigest and Hmac*). */
    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("md5", "MD5"), Map.entry("sha1", "SHA-1"), Map.entry("sha224", "SHA-224"),
            Map.entry("sha256", "SHA-256"), Map.entry("sha384", "SHA-384"), Map.entry("sha512", "SHA-512"),
            Map.entry("sha512-224", "SHA-512/224"), Map.entry("sha512-256", "SHA-512/256"),
            Map.entry("sha3-224", "SHA3-224"), Map.entry("sha3-256", "SHA3-256"), Map.entry("sha3-384", "SHA3-384"),
            Map.entry("sha3-512", "SHA3-512"));

    /** Longest single wait; a guest asking for more just asks again (timers up to 2^31-1 ms). */
    private static final long MAX_SLEEP_MILLIS = 60_000;

    /** Longest abort timer a guest can set on one HTTP call; longer ones are no bound. */
    private static final double MAX_GUEST_WAIT_MILLIS = 86_400_000;

    private static final Logger LOG = Logger.getLogger(HostBridge.class.getName());

    /** Web Crypto's limit for one getRandomValues call. */
    private static final int MAX_RANDOM_BYTES = 65_536;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final long origin = System.nanoTime();

    private final OutputStream stdout;
    private final OutputStream stderr;
    private final IntConsumer onExit;
    private final GuestFileSystem files;
    private final GuestHttp egress;
    private volatile Integer exitStatus;
    private final Value raiser;

    public HostBridge(OutputStream stdout, OutputStream stderr, IntConsumer onExit) {
        this(stdout, stderr, onExit, null, null, null);
    }

    /**
     * @param files  the execution's file system, or null (then {@code readFile} finds nothing)
     * @param egress the execution's gateway, or null (then every {@code http} call is refused)
     * @param raiser a guest function that throws its argument as the guest language's own error
     *               (see {@link GuestLanguage#errorRaiser()}), or null outside a context
     */
    public HostBridge(OutputStream stdout, OutputStream stderr, IntConsumer onExit, GuestFileSystem files,
                      GuestHttp egress, Value raiser) {
        this.raiser = raiser;
        this.stdout = stdout;
        this.stderr = stderr;
        this.onExit = onExit;
        this.files = files;
        this.egress = egress;
    }

    /** The status the guest asked to exit with, or null when it did not call {@code exit}. */
    public Integer exitStatus() {
        return exitStatus;
    }

    @Override
    public Object getMember(String key) {
        ProxyExecutable fn = switch (key) {
            case "write" -> this::write;
            case "exit" -> this::exit;
            case "sleep" -> this::sleep;
            case "clock" -> args -> (double) (System.nanoTime() - origin);
            case "randomBytes" -> this::randomBytes;
            case "readFile" -> this::readFile;
            case "http" -> this::http;
            case "fs" -> this::fs;
            case "recordExit" -> this::recordExit;
            case "digest" -> this::digest;
            default -> null;
        };
        return fn == null ? null : guarded(key, fn);
    }

    /**
     * Every bridge function is reachable by guest code directly (not only through its prelude), so
     * nothing it throws may reach the guest as a Java exception: a bad argument or an unexpected
     * host failure becomes the guest language's own error ({@link #raiser}); only the exit
     * unwinding and errors the guest itself raised pass through.
     */
    private ProxyExecutable guarded(String name, ProxyExecutable fn) {
        return args -> {
            try {
                return fn.execute(args);
            } catch (GuestExit | PolyglotException e) {
                throw e;
            } catch (BadArgument e) {
                throw guestError(name + ": " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "host bridge function " + name + " failed", e);
                throw guestError(name + ": internal error (see the host's log)");
            }
        };
    }

    private RuntimeException guestError(String message) {
        if (raiser == null) {
            return new IllegalStateException(message);
        }
        try {
            raiser.execute(message);
        } catch (PolyglotException e) {
            return e;
        }
        return new IllegalStateException(message);
    }

    /** A guest passed something the bridge cannot take; the message says what is allowed. */
    private static final class BadArgument extends RuntimeException {
        BadArgument(String message) {
            super(message, null, false, false);
        }
    }

    /** Writes text to the execution's stdout (fd 1) or stderr (fd 2), as the guest's own output. */
    public void write(int fd, String text) {
        write(fd, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes bytes unchanged to the execution's stdout (fd 1) or stderr (fd 2), for runtimes whose
     * output is bytes (PHP): a multi-byte character split across two writes stays whole, and the
     * bytes are decoded once, when the output is read.
     */
    public void write(int fd, byte[] bytes) {
        OutputStream target = fd == 2 ? stderr : stdout;
        try {
            target.write(bytes);
            target.flush();
        } catch (IOException e) {
            // the guest's output is a memory buffer; nothing can fail here that the guest could fix
        }
    }

    private Object write(Value... args) {
        int fd = args.length > 0 && args[0].fitsInInt() ? args[0].asInt() : 1;
        String text = args.length > 1 && !args[1].isNull() ? args[1].asString() : "";
        write(fd, text);
        return true;
    }

    private Object sleep(Value... args) {
        double requested = args.length > 0 && args[0].isNumber() ? args[0].asDouble() : 0;
        long millis = (long) Math.min(Math.max(Math.ceil(requested), 0), MAX_SLEEP_MILLIS);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // Context.close(true) interrupts a guest thread blocked here; the cancellation itself
            // reaches the guest at its next safepoint, so the flag is not kept (the pool thread
            // serves further executions)
        }
        return null;
    }

    private Object readFile(Value... args) {
        String path = args.length > 0 && args[0].isString() ? args[0].asString() : "";
        Map<String, Object> out = new HashMap<>();
        try {
            if (files == null) {
                throw new NoSuchFileException(path);
            }
            out.put("data", new String(files.read(path), StandardCharsets.ISO_8859_1));
            out.put("ok", true);
        } catch (NoSuchFileException e) {
            out.put("ok", false);
            out.put("code", "ENOENT");
            out.put("error", "ENOENT: no such file or directory, open '" + path + "'");
        } catch (IOException | RuntimeException e) {
            boolean dir = files != null && e instanceof IOException && e.getMessage() != null
                    && e.getMessage().contains("directory");
            out.put("ok", false);
            out.put("code", dir ? "EISDIR" : "EIO");
            out.put("error", (dir ? "EISDIR: illegal operation on a directory" : "EIO: cannot read")
                    + ", open '" + path + "'");
        }
        return ProxyObject.fromMap(out);
    }

    private Object fs(Value... args) {
        String op = args.length > 0 && args[0].isString() ? args[0].asString() : "";
        String path = args.length > 1 && args[1].isString() ? args[1].asString() : "";
        String data = args.length > 2 && args[2].isString() ? args[2].asString() : "";
        Map<String, Object> out = new HashMap<>();
        out.put("data", null);
        out.put("code", null);
        try {
            if (files == null) {
                throw new NoSuchFileException(path);
            }
            switch (op) {
                case "write", "append" -> files.write(path, data.getBytes(StandardCharsets.ISO_8859_1),
                        op.equals("append"));
                case "mkdir" -> files.mkdirs(path);
                case "unlink" -> files.delete(path);
                case "list" -> out.put("data", String.join("\n", files.list(path)));
                case "kind" -> out.put("data", files.kind(path));
                default -> throw new IllegalArgumentException("unknown file operation '" + op + "'");
            }
            out.put("ok", true);
        } catch (java.nio.file.AccessDeniedException e) {
            out.put("ok", false);
            out.put("code", "EROFS");
            out.put("error", "EROFS: read-only file system, " + op + " '" + path + "'");
        } catch (NoSuchFileException e) {
            out.put("ok", false);
            out.put("code", "ENOENT");
            out.put("error", "ENOENT: no such file or directory, " + op + " '" + path + "'");
        } catch (java.nio.file.DirectoryNotEmptyException e) {
            out.put("ok", false);
            out.put("code", "ENOTEMPTY");
            out.put("error", "ENOTEMPTY: directory not empty, " + op + " '" + path + "'");
        } catch (IOException | RuntimeException e) {
            out.put("ok", false);
            out.put("code", "EIO");
            out.put("error", "EIO: " + op + " '" + path + "' failed");
        }
        return ProxyObject.fromMap(out);
    }

    private Object http(Value... args) {
        String method = args.length > 0 && args[0].isString() ? args[0].asString() : "GET";
        String url = args.length > 1 && args[1].isString() ? args[1].asString() : "";
        String headers = args.length > 2 && args[2].isString() ? args[2].asString() : "[]";
        String body = args.length > 3 && args[3].isString() ? args[3].asString() : "";
        double within = args.length > 4 && args[4].isNumber() ? args[4].asDouble() : -1;
        if (egress == null) {
            Map<String, Object> refused = new HashMap<>();
            refused.put("ok", false);
            refused.put("error", "request to " + url + " refused: outbound HTTP is not available here");
            return ProxyObject.fromMap(refused);
        }
        // a guest-chosen bound: anything beyond a day is no bound at all (and never overflows)
        java.time.Duration maxTime = within < 0 || Double.isNaN(within) || within > MAX_GUEST_WAIT_MILLIS ? null
                : java.time.Duration.ofMillis((long) Math.ceil(within));
        return ProxyObject.fromMap(GuestHttpCall.send(egress, method, url, headers, body, maxTime));
    }

    private Object randomBytes(Value... args) {
        int n = args.length > 0 && args[0].fitsInInt() ? args[0].asInt() : 0;
        if (n < 0 || n > MAX_RANDOM_BYTES) {
            throw new BadArgument(n + " bytes; allowed: 0.." + MAX_RANDOM_BYTES);
        }
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Object digest(Value... args) {
        String name = args.length > 0 && args[0].isString() ? args[0].asString() : "";
        String algorithm = DIGESTS.get(name);
        if (algorithm == null) {
            throw new BadArgument("unknown digest '" + name + "'; allowed: " + String.join(", ", new java.util.TreeSet<>(DIGESTS.keySet())));
        }
        byte[] data = binary(args.length > 1 ? args[1] : null, "data");
        Value keyArg = args.length > 2 ? args[2] : null;
        try {
            if (keyArg == null || keyArg.isNull()) {
                return HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm).digest(data));
            }
            String macName = "Hmac" + algorithm.replace("-", "").replace("SHA3", "SHA3-");
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(macName);
            byte[] key = binary(keyArg, "key");
            // an empty HMAC key is valid (RFC 2104) but SecretKeySpec refuses one: pad it, as HMAC itself does
            mac.init(new javax.crypto.spec.SecretKeySpec(key.length == 0 ? new byte[1] : key, macName));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (java.security.GeneralSecurityException e) {
            throw new BadArgument("digest '" + name + "' is not available: " + e.getMessage());
        }
    }

    /** A binary string (one char per byte, as {@code readFile} gives) as bytes. */
    private static byte[] binary(Value value, String what) {
        if (value == null || !value.isString()) {
            throw new BadArgument(what + " must be a string of bytes (chars 0-255)");
        }
        String text = value.asString();
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            if (c > 0xff) {
                throw new BadArgument(what + " must be a string of bytes (chars 0-255); found U+"
                        + String.format("%04X", (int) c) + " at " + i);
            }
            bytes[i] = (byte) c;
        }
        return bytes;
    }

    /**
     * Records an exit status without stopping anything: for a language whose own hard exit ends the
     * run (Python's {@code os._exit}) but can reach the host in a form that no longer carries the
     * status.
     */
    private Object recordExit(Value... args) {
        int code = args.length > 0 && args[0].fitsInInt() ? args[0].asInt() : 0;
        if (exitStatus == null) {
            exitStatus = code;
        }
        return null;
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
