package io.corral.engine.files;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.corral.api.InputFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only file system a guest sees: an in-memory tree (Jimfs) with the request's input files
 * read-only under {@code /mnt/req} and a writable, size-capped {@code /tmp}, discarded with the
 * execution. Nothing outside {@code /tmp} can be created, changed or removed. Host files do not exist in it. One instance serves one context; the files are bound
 * after the context was created ({@link #bind}). Links cannot be created, so nothing written to
 * {@code /tmp} can point into {@code /mnt/req}.
 *
 * <p>Paths handed to Truffle are the JDK's default path type (only as names: nothing here touches
 * the host's disk), because Truffle composes this file system with read access to the languages'
 * own homes (GraalPy's standard library) and that requires one path type; every operation maps
 * the name onto the in-memory tree.
 */
public final class GuestFileSystem implements org.graalvm.polyglot.io.FileSystem {

    private final java.nio.file.FileSystem memory;
    private final org.graalvm.polyglot.io.FileSystem delegate;
    private final Path mount;
    private final Path scratch;

    /**
     * @param maxBytes what the tree may hold: the input files and what the guest writes under
     *                 {@code /tmp} together ({@code Configuration.maxInputFileBytes() + scratchBytes()})
     */
    public GuestFileSystem(long maxBytes) {
        memory = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setWorkingDirectory("/tmp")
                .setAttributeViews("basic", "owner", "posix", "unix")
                .setMaxSize(maxBytes)
                .build());
        delegate = org.graalvm.polyglot.io.FileSystem.newFileSystem(memory);
        mount = memory.getPath(InputFile.MOUNT);
        scratch = memory.getPath("/tmp");
        try {
            Files.createDirectories(memory.getPath("/tmp"));
            Files.createDirectories(mount);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This file system as a context sees it: the languages' own homes readable too, moves (atomic
     * ones included) done here.
     */
    public org.graalvm.polyglot.io.FileSystem withLanguageHomes() {
        return new WithLanguageHomes(this);
    }

    /** Writes the execution's input files under {@code /mnt/req}; paths were validated before. */
    public void bind(List<InputFile> files) {
        try {
            for (InputFile f : files) {
                Path p = mount.resolve(f.path()).normalize();
                if (!p.startsWith(mount)) {
                    throw new IllegalArgumentException("input file path escapes " + InputFile.MOUNT + ": " + f.path());
                }
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.contents(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes every input file and everything written under {@code /tmp}, leaving both directories
     * empty: a warm instance's next call starts with the files of its own request only.
     */
    public void clear() {
        try {
            for (Path dir : List.of(mount, scratch)) {
                try (java.util.stream.Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        if (!p.equals(dir)) {
                            Files.delete(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a file as the guest would see it (for languages whose file APIs go through a host shim). */
    public byte[] read(String guestPath) throws IOException {
        return Files.readAllBytes(mem(parsePath(guestPath)).normalize());
    }

    /** Writes a file as the guest would (refused under {@code /mnt/req}; only {@code /tmp} exists to write in). */
    public void write(String guestPath, byte[] data, boolean append) throws IOException {
        Path p = parsePath(guestPath);
        refuseWrite(p);
        Path m = mem(p).normalize();
        if (append) {
            Files.write(m, data, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } else {
            Files.write(m, data);
        }
    }

    /** Creates a directory (and its parents) as the guest would. */
    public void mkdirs(String guestPath) throws IOException {
        Path p = parsePath(guestPath);
        refuseWrite(p);
        Files.createDirectories(mem(p).normalize());
    }

    /** Deletes a file or an empty directory as the guest would. */
    public void delete(String guestPath) throws IOException {
        Path p = parsePath(guestPath);
        refuseWrite(p);
        Files.delete(mem(p).normalize());
    }

    /** The names in a directory, sorted. */
    public java.util.List<String> list(String guestPath) throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(mem(parsePath(guestPath)).normalize())) {
            return s.map(x -> x.getFileName().toString()).sorted().toList();
        }
    }

    /** {@code "file"}, {@code "directory"}, or null when nothing is there. */
    public String kind(String guestPath) {
        Path m = mem(parsePath(guestPath)).normalize();
        return Files.isDirectory(m) ? "directory" : Files.isRegularFile(m) ? "file" : null;
    }

    private static final Path CWD = Path.of("/tmp");

    /** The in-memory file for a guest path name. */
    private Path mem(Path path) {
        return memory.getPath(toAbsolutePath(path).toString());
    }

    /** The guest path name for an in-memory file. */
    private static Path name(Path memoryPath) {
        return Path.of(memoryPath.toString());
    }

    /** Only {@code /tmp} (below it, not the folder itself) takes writes; everything else is read-only. */
    private void refuseWrite(Path path) throws IOException {
        Path p = mem(path).normalize();
        if (p.startsWith(mount)) {
            throw new AccessDeniedException(path.toString(), null, InputFile.MOUNT + " is read-only");
        }
        if (!p.startsWith(scratch) || p.equals(scratch)) {
            throw new AccessDeniedException(path.toString(), null, "only /tmp is writable");
        }
    }

    @Override
    public Path parsePath(URI uri) {
        if (!"file".equals(uri.getScheme())) {
            throw new UnsupportedOperationException("only file: URIs name files here");
        }
        return Path.of(uri.getPath());
    }

    @Override
    public Path parsePath(String path) {
        return Path.of(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        if (modes.contains(AccessMode.WRITE)) {
            refuseWrite(path);
        }
        delegate.checkAccess(mem(path), modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        refuseWrite(dir);
        delegate.createDirectory(mem(dir), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        refuseWrite(path);
        delegate.delete(mem(path));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attrs) throws IOException {
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)
                || options.contains(StandardOpenOption.CREATE) || options.contains(StandardOpenOption.CREATE_NEW)
                || options.contains(StandardOpenOption.DELETE_ON_CLOSE)
                || options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            refuseWrite(path);
        }
        return delegate.newByteChannel(mem(path), options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        DirectoryStream<Path> inner = delegate.newDirectoryStream(mem(dir), p -> filter.accept(name(p)));
        return new DirectoryStream<>() {
            @Override
            public java.util.Iterator<Path> iterator() {
                java.util.Iterator<Path> it = inner.iterator();
                return new java.util.Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Path next() {
                        return name(it.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : CWD.resolve(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return name(delegate.toRealPath(mem(path), linkOptions));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        int colon = attributes.indexOf(':');
        String view = colon < 0 ? "basic" : attributes.substring(0, colon);
        if (!view.equals("unix")) {
            return delegate.readAttributes(mem(path), attributes, options);
        }
        // Jimfs has no full "unix" view; GraalPy's os.stat asks for it: derive it from posix + basic
        Map<String, Object> all = new java.util.HashMap<>(Files.readAttributes(mem(path), "posix:*", options));
        Object key = all.get("fileKey");
        boolean dir = Boolean.TRUE.equals(all.get("isDirectory"));
        boolean link = Boolean.TRUE.equals(all.get("isSymbolicLink"));
        @SuppressWarnings("unchecked")
        Set<java.nio.file.attribute.PosixFilePermission> perms =
                (Set<java.nio.file.attribute.PosixFilePermission>) all.getOrDefault("permissions", Set.of());
        int mode = 0;
        for (java.nio.file.attribute.PosixFilePermission perm : perms) {
            mode |= 1 << (8 - perm.ordinal());
        }
        mode |= dir ? 0040000 : link ? 0120000 : 0100000;
        all.put("mode", mode);
        all.put("ino", key == null ? 0L : (long) key.hashCode() & 0xffffffffL);
        all.put("dev", 1L);
        all.put("rdev", 0L);
        all.put("nlink", 1);
        all.put("uid", 0);
        all.put("gid", 0);
        all.put("ctime", all.get("lastModifiedTime"));
        String names = colon < 0 ? attributes : attributes.substring(colon + 1);
        if (names.equals("*")) {
            return all;
        }
        Map<String, Object> out = new java.util.HashMap<>();
        for (String n : names.split(",")) {
            if (all.containsKey(n)) {
                out.put(n, all.get(n));
            }
        }
        return out;
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        refuseWrite(path);
        delegate.setAttribute(mem(path), attribute, value, options);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        refuseWrite(target);
        delegate.copy(mem(source), mem(target), options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        refuseWrite(source);
        refuseWrite(target);
        delegate.move(mem(source), mem(target), options);
    }

    @Override
    public Path getTempDirectory() {
        return CWD;
    }

    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        return delegate.isSameFile(mem(path1), mem(path2), options);
    }

    /** Frees the in-memory tree. */
    public void close() {
        try {
            memory.close();
        } catch (IOException e) {
            // an in-memory file system has nothing to fail on close
        }
    }
}
