package io.corral.cli;

import io.corral.server.store.SqlServerStores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code corral backup}: a consistent copy of the server's database, taken while it runs. */
@Command(name = "backup",
        mixinStandardHelpOptions = true,
        description = {"Write a consistent copy of the server's database (tools, secrets, executions) to a "
                + "new file. The server may keep running meanwhile.", "",
                "Restore: stop the server, put the copy in place of corral.db in the data directory (keep the "
                + "same secret key: secret.key or CORRAL_SECRET_KEY), start it again.", "",
                "Example:", "  corral backup --data-dir ./corral-data --to corral-2026-12-02.db"},
        sortOptions = false)
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    CorralCommand parent;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The server's data directory (default "
            + "$XDG_DATA_HOME/corral, else ~/.local/share/corral).")
    Path dataDir;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "The copy to write; it must not exist.")
    Path target;

    @Override
    public Integer call() {
        Path dir = DataDirectory.resolve(dataDir);
        if (!Files.isRegularFile(dir.resolve(SqlServerStores.DATABASE_FILE))) {
            throw new CorralCommand.UsageProblem("no database in " + dir + " (expected "
                    + SqlServerStores.DATABASE_FILE + "); give the server's --data-dir");
        }
        if (Files.exists(target)) {
            throw new CorralCommand.UsageProblem("--to " + target + " exists; give a new file name");
        }
        SqlServerStores.backup(dir, target.toAbsolutePath());
        parent.err.println("corral: backed up " + dir.resolve(SqlServerStores.DATABASE_FILE) + " to "
                + target.toAbsolutePath());
        return 0;
    }
}
