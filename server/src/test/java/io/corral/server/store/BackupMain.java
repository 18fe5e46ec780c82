package io.corral.server.store;

import java.nio.file.Path;

/** What {@code corral backup} does, run as a process of its own by {@link SqlServerStoresTest}. */
public final class BackupMain {

    private BackupMain() {
    }

    public static void main(String[] args) {
        SqlServerStores.backup(Path.of(args[0]), Path.of(args[1]));
    }
}
