package io.corral.engine.lang.typescript;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranspileCacheTest {

    @Test
    void diskEntryServesANewProcessWithTheSameCompiler(@TempDir Path dir) {
        TranspileCache first = new TranspileCache("ts 6.0.3", Optional.of(dir), 4, 10);
        String key = first.key("let x: number = 1");
        first.put(key, "let x = 1;\n");

        TranspileCache second = new TranspileCache("ts 6.0.3", Optional.of(dir), 4, 10);
        assertEquals(Optional.of("let x = 1;\n"), second.get(second.key("let x: number = 1")));
    }

    @Test
    void anotherCompilerVersionNeverSeesOldOutput(@TempDir Path dir) {
        TranspileCache old = new TranspileCache("ts 6.0.3", Optional.of(dir), 4, 10);
        old.put(old.key("let x = 1"), "old output");
        TranspileCache next = new TranspileCache("ts 6.0.4", Optional.of(dir), 4, 10);
        assertNotEquals(old.key("let x = 1"), next.key("let x = 1"));
        assertEquals(Optional.empty(), next.get(next.key("let x = 1")));
    }

    @Test
    void diskEntriesStayBounded(@TempDir Path dir) throws IOException {
        TranspileCache cache = new TranspileCache("ts", Optional.of(dir), 4, 10);
        for (int i = 0; i < 40; i++) {
            cache.put(cache.key("source " + i), "output " + i);
        }
        try (Stream<Path> files = Files.list(dir)) {
            long count = files.count();
            assertTrue(count <= 10, "at most 10 entries on disk, found " + count);
        }
        assertEquals(Optional.of("output 39"), cache.get(cache.key("source 39")), "the newest entry is kept");
    }

    @Test
    void memoryOnlyCacheWorksWithoutADirectory() {
        TranspileCache cache = new TranspileCache("ts", Optional.empty(), 2, 10);
        cache.put(cache.key("a"), "A");
        cache.put(cache.key("b"), "B");
        cache.put(cache.key("c"), "C");
        assertEquals(Optional.empty(), cache.get(cache.key("a")), "the least recently used entry went");
        assertEquals(Optional.of("C"), cache.get(cache.key("c")));
    }

    @Test
    void unwritableDirectoryIsAMissNotAnError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        TranspileCache cache = new TranspileCache("ts", Optional.of(file.resolve("sub")), 0, 10);
        cache.put(cache.key("a"), "A");
        assertEquals(Optional.empty(), cache.get(cache.key("a")));
    }

    @Test
    void theDiskTierIsReadableByItsOwnerOnly(@TempDir Path dir) throws IOException {
        Path cacheDir = dir.resolve("corral").resolve("typescript");
        TranspileCache cache = new TranspileCache("ts", Optional.of(cacheDir), 4, 10);
        cache.put(cache.key("const secret = 'sk-live-1'"), "const secret = 'sk-live-1';");
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cacheDir)));
        try (Stream<Path> files = Files.list(cacheDir)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(f)), f.toString());
            }
        }
    }
}
