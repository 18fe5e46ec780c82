package io.corral.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The server's data directory and the owner-only files in it. On file systems without POSIX
 * permissions (Windows) nothing is restricted or checked: there the directory's ACLs decide.
 */
final class DataDirectory {

    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private DataDirectory() {
    }

    /** Creates {@code dir} (and missing parents) readable by its owner only; an existing one is left as it is. */
    static Path ensure(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return abs;
        }
        try {
            if (posix(abs)) {
                Files.createDirectories(abs, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(abs);
            }
            return abs;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("data directory " + abs + " exists but is not a directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + abs + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates an empty file readable and writable by its owner only. Returns false (touching
     * nothing) when it already exists: the check and the creation are one atomic step.
     */
    static boolean createOwnerOnlyFile(Path file) throws IOException {
        try {
            if (posix(file)) {
                FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
                Files.createFile(file, attr);
                // the umask can only take bits away; set them anyway so the result never depends on it
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            } else {
                Files.createFile(file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /** The group and others permission bits set on {@code file}; empty when the file system has none. */
    static Set<PosixFilePermission> groupOrOthersAccess(Path file) throws IOException {
        if (!posix(file)) {
            return Set.of();
        }
        Set<PosixFilePermission> granted = EnumSet.noneOf(PosixFilePermission.class);
        granted.addAll(Files.getPosixFilePermissions(file));
        granted.retainAll(GROUP_OR_OTHERS);
        return granted;
    }

    static String describe(Path file) throws IOException {
        return posix(file) ? PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) : "(no POSIX permissions)";
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
