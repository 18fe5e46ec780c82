package io.corral.engine.lang.typescript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Transpiled JavaScript by content hash, in memory and (optionally) on disk, both bounded.
 *
 * <p>The memory tier serves a long-lived engine (one cache per engine, never shared); the disk tier,
 * only in a directory the embedder chose, lets one-shot {@code corral run} invocations of the same
 * source skip the compiler (whose first load costs seconds). The key
 * hashes the compiler's fingerprint (its version and options) with the source, so a new compiler
 * never serves old output. The disk tier is best effort: any IO problem is a miss, never an error.
 *
 * <pre>{@code
 * TranspileCache cache = new TranspileCache("typescript 6.0.3|options", Optional.of(dir), 256, 1000);
 * String key = cache.key(source);
 * String js = cache.get(key).orElseGet(() -> { String out = compile(source); cache.put(key, out); return out; });
 * }</pre>
 */
final class TranspileCache {

    private static final Logger LOG = Logger.getLogger(TranspileCache.class.getName());
    private static final long MAX_MEMORY_CHARS = 32L * 1024 * 1024;

    private final String fingerprint;
    private final Optional<Path> directory;
    private final int maxMemoryEntries;
    private final int maxDiskEntries;
    private final LinkedHashMap<String, String> memory = new LinkedHashMap<>(16, 0.75f, true);
    private long memoryChars;

    TranspileCache(String fingerprint, Optional<Path> directory, int maxMemoryEntries, int maxDiskEntries) {
        this.fingerprint = fingerprint;
        this.directory = directory;
        this.maxMemoryEntries = maxMemoryEntries;
        this.maxDiskEntries = maxDiskEntries;
    }

    String key(String source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    Optional<String> get(String key) {
        synchronized (memory) {
            String hit = memory.get(key);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        Optional<String> fromDisk = readDisk(key);
        fromDisk.ifPresent(text -> remember(key, text));
        return fromDisk;
    }

    void put(String key, String javascript) {
        remember(key, javascript);
        writeDisk(key, javascript);
    }

    private void remember(String key, String text) {
        if (text.length() > MAX_MEMORY_CHARS / 4) {
            return;
        }
        synchronized (memory) {
            String old = memory.put(key, text);
            memoryChars += text.length() - (old == null ? 0 : old.length());
            var it = memory.entrySet().iterator();
            while ((memory.size() > maxMemoryEntries || memoryChars > MAX_MEMORY_CHARS) && it.hasNext()) {
                Map.Entry<String, String> eldest = it.next();
                memoryChars -= eldest.getValue().length();
                it.remove();
            }
        }
    }

    private Optional<String> readDisk(String key) {
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        Path file = directory.get().resolve(key + ".js");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // recently used entries survive pruning, which removes the least recently touched
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            return Optional.of(text);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "TypeScript disk cache read failed for " + file, e);
            return Optional.empty();
        }
    }

    private void writeDisk(String key, String javascript) {
        if (directory.isEmpty()) {
            return;
        }
        Path dir = directory.get();
        try {
            createPrivateDirectory(dir);
            // written aside and moved in, so a concurrent reader never sees half a file; temp files
            // are created owner-only, and the cache holds guest source text
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            Files.writeString(tmp, javascript, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(key + ".js"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            prune(dir);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "TypeScript disk cache write failed in " + dir, e);
        }
    }

    /** Creates the directory (and missing parents) readable by its owner only, where POSIX permissions exist. */
    static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private void prune(Path dir) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(".js")).toList();
        }
        if (entries.size() <= maxDiskEntries) {
            return;
        }
        // down to three quarters, so pruning does not run on every write once the cache is full
        int excess = entries.size() - maxDiskEntries * 3 / 4;
        List<Path> oldest = entries.stream()
                .sorted(Comparator.comparing(TranspileCache::modified))
                .limit(excess)
                .toList();
        for (Path p : oldest) {
            Files.deleteIfExists(p);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
