package fr.passerelle.cli;

import fr.passerelle.db.BackupService;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "restore",
    description =
        "Replace the database by a backup. The installation gets a new replica id; the"
            + " previous database is kept beside it.")
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE")
  Path file;

  @Override
  public Integer call() {
    PasserelleCommand root = (PasserelleCommand) spec.root().userObject();
    UUID replica = BackupService.restore(root.dataDir(), file);
    spec.commandLine()
        .getOut()
        .println(
            "Restored "
                + file
                + " into "
                + root.dataDir()
                + "; new replica id "
                + replica
                + " (partners will do one full exchange with it).");
    return 0;
  }
}
