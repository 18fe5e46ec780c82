package io.corral.engine.files;

import io.corral.api.InputFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The execution's file tree, through the host-side calls and the Truffle file system interface. */
class GuestFileSystemTest {

    private final GuestFileSystem fs = new GuestFileSystem(1 << 20);

    @AfterEach
    void close() {
        fs.close();
    }

    @Test
    void inputFilesAreReadableUnderTheMount() throws IOException {
        fs.bind(List.of(InputFile.of("data/in.csv", "a,b\n1,2\n")));
        assertEquals("a,b\n1,2\n", new String(fs.read(InputFile.MOUNT + "/data/in.csv"), StandardCharsets.UTF_8));
        assertEquals(List.of("in.csv"), fs.list(InputFile.MOUNT + "/data"));
        assertEquals("directory", fs.kind(InputFile.MOUNT + "/data"));
        assertEquals("file", fs.kind(InputFile.MOUNT + "/data/in.csv"));
        assertNull(fs.kind(InputFile.MOUNT + "/data/missing.csv"));
    }

    @Test
    void inputFilesAreReadOnly() throws IOException {
        fs.bind(List.of(InputFile.of("in.txt", "original")));
        String path = InputFile.MOUNT + "/in.txt";
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> fs.write(path, "changed".getBytes(StandardCharsets.UTF_8), false));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertThrows(AccessDeniedException.class, () -> fs.delete(path));
        assertThrows(AccessDeniedException.class, () -> fs.newByteChannel(Path.of(path), Set.of(StandardOpenOption.WRITE)));
        assertThrows(AccessDeniedException.class, () -> fs.checkAccess(Path.of(path), Set.of(AccessMode.WRITE)));
        assertEquals("original", new String(fs.read(path), StandardCharsets.UTF_8));
    }

    @Test
    void onlyBelowTmpTakesWrites() throws IOException {
        fs.write("/tmp/out.txt", "one".getBytes(StandardCharsets.UTF_8), false);
        fs.write("/tmp/out.txt", " two".getBytes(StandardCharsets.UTF_8), true);
        assertEquals("one two", new String(fs.read("/tmp/out.txt"), StandardCharsets.UTF_8));
        for (String outside : List.of("/etc/passwd", "/x.txt", "/tmp", "/tmp/../etc/x", "/mnt/other")) {
            AccessDeniedException e = assertThrows(AccessDeniedException.class,
                    () -> fs.write(outside, new byte[] {1}, false), outside);
            assertTrue(e.getMessage().contains("only /tmp is writable") || e.getMessage().contains("read-only"),
                    e.getMessage());
        }
        assertThrows(AccessDeniedException.class, () -> fs.mkdirs("/var/lib/x"));
        assertThrows(AccessDeniedException.class, () -> fs.createDirectory(Path.of("/opt")));
    }

    @Test
    void relativePathsStartInTmp() throws IOException {
        fs.write("notes.txt", "hi".getBytes(StandardCharsets.UTF_8), false);
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), fs.read("/tmp/notes.txt"));
        assertEquals(Path.of("/tmp/notes.txt"), fs.toAbsolutePath(Path.of("notes.txt")));
        assertEquals(Path.of("/tmp"), fs.getTempDirectory());
    }

    @Test
    void theHostsFilesAreNotThere() {
        assertThrows(NoSuchFileException.class, () -> fs.read("/etc/passwd"));
        assertThrows(NoSuchFileException.class, () -> fs.read(System.getProperty("user.home") + "/.bashrc"));
        assertNull(fs.kind("/usr/bin"));
    }

    @Test
    void theTreeHoldsAtMostItsSize() {
        byte[] half = new byte[600 << 10];
        IOException e = assertThrows(IOException.class, () -> {
            fs.write("/tmp/a.bin", half, false);
            fs.write("/tmp/b.bin", half, false);
        });
        assertTrue(e.getMessage() != null && e.getMessage().toLowerCase().contains("space"), String.valueOf(e.getMessage()));
    }

    @Test
    void channelsWriteAndReadBackUnderTmp() throws IOException {
        Path p = Path.of("/tmp/ch.txt");
        try (SeekableByteChannel ch = fs.newByteChannel(p, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE))) {
            ch.write(ByteBuffer.wrap("channel".getBytes(StandardCharsets.UTF_8)));
        }
        try (SeekableByteChannel ch = fs.newByteChannel(p, Set.of(StandardOpenOption.READ))) {
            ByteBuffer b = ByteBuffer.allocate(16);
            ch.read(b);
            assertEquals("channel", new String(b.array(), 0, b.position(), StandardCharsets.UTF_8));
        }
        Object mode = fs.readAttributes(p, "unix:mode").get("mode");
        assertEquals(0100000, ((Integer) mode) & 0170000, "a regular file in the unix view GraalPy's os.stat reads");
    }

    @Test
    void movesStayInsideTmp() throws IOException {
        fs.write("/tmp/a.txt", "a".getBytes(StandardCharsets.UTF_8), false);
        fs.move(Path.of("/tmp/a.txt"), Path.of("/tmp/b.txt"));
        assertEquals("file", fs.kind("/tmp/b.txt"));
        assertNull(fs.kind("/tmp/a.txt"));
        assertThrows(AccessDeniedException.class, () -> fs.move(Path.of("/tmp/b.txt"), Path.of("/b.txt")));
    }
}
