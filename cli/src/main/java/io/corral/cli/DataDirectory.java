package io.corral.cli;

import java.nio.file.Path;

/**
 * Where every {@code corral} command that stores something keeps it: {@code $XDG_DATA_HOME/corral},
 * else {@code ~/.local/share/corral}; {@code --data-dir} chooses another.
 */
final class DataDirectory {

    private DataDirectory() {
    }

    static Path resolve(Path option) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "corral")
                : Path.of(System.getProperty("user.home"), ".local", "share", "corral");
    }
}
