package io.corral.engine.files;

import org.graalvm.polyglot.io.FileSystem;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;

/**
 * A context's file system: the execution's {@link GuestFileSystem} with the languages' own homes
 * readable ({@link FileSystem#allowLanguageHomeAccess}), and moves done by the guest file system
 * itself. Truffle's composite answers every move with its default copy-and-delete, which refuses
 * {@code ATOMIC_MOVE} — what Python's {@code os.rename} and {@code os.replace} ask for — though the
 * in-memory tree moves atomically. Moves involving a language home are refused there as every
 * other write outside {@code /tmp} is.
 */
final class WithLanguageHomes implements FileSystem {

    private final GuestFileSystem guest;
    private final FileSystem composite;

    @SuppressWarnings("deprecation") // the replacement (allowInternalResourceAccess) gives the same composite
    WithLanguageHomes(GuestFileSystem guest) {
        this.guest = guest;
        this.composite = FileSystem.allowLanguageHomeAccess(guest);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        guest.move(source, target, options);
    }

    // ---- everything else as the composite does it ---------------------------------------------------

    @Override
    public Path parsePath(URI uri) {
        return composite.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        return composite.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... linkOptions) throws IOException {
        composite.checkAccess(path, modes, linkOptions);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        composite.createDirectory(dir, attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        composite.delete(path);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return composite.newByteChannel(path, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return composite.newDirectoryStream(dir, filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return composite.toAbsolutePath(path);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... linkOptions) throws IOException {
        return composite.toRealPath(path, linkOptions);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return composite.readAttributes(path, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        composite.setAttribute(path, attribute, value, options);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        composite.copy(source, target, options);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        composite.createLink(link, existing);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        composite.createSymbolicLink(link, target, attrs);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return composite.readSymbolicLink(link);
    }

    @Override
    public void setCurrentWorkingDirectory(Path currentWorkingDirectory) {
        composite.setCurrentWorkingDirectory(currentWorkingDirectory);
    }

    @Override
    public String getSeparator() {
        return composite.getSeparator();
    }

    @Override
    public String getPathSeparator() {
        return composite.getPathSeparator();
    }

    @Override
    public String getMimeType(Path path) {
        return composite.getMimeType(path);
    }

    @Override
    public Charset getEncoding(Path path) {
        return composite.getEncoding(path);
    }

    @Override
    public Path getTempDirectory() {
        return composite.getTempDirectory();
    }

    @Override
    public boolean isSameFile(Path path1, Path path2, LinkOption... options) throws IOException {
        return composite.isSameFile(path1, path2, options);
    }

    @Override
    public long getFileStoreTotalSpace(Path path) throws IOException {
        return composite.getFileStoreTotalSpace(path);
    }

    @Override
    public long getFileStoreUnallocatedSpace(Path path) throws IOException {
        return composite.getFileStoreUnallocatedSpace(path);
    }

    @Override
    public long getFileStoreUsableSpace(Path path) throws IOException {
        return composite.getFileStoreUsableSpace(path);
    }

    @Override
    public long getFileStoreBlockSize(Path path) throws IOException {
        return composite.getFileStoreBlockSize(path);
    }

    @Override
    public boolean isFileStoreReadOnly(Path path) throws IOException {
        return composite.isFileStoreReadOnly(path);
    }
}
