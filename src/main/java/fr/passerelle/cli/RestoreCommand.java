package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.db.BackupService;
import fr.passerelle.db.Database;
import fr.passerelle.security.Principal;
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
    Principal who = null;
    if (java.nio.file.Files.exists(root.dataDir().resolve(Database.FILE_NAME + ".mv.db"))) {
      try (Services s = root.openServices()) {
        if (!s.signIn().noAccountYet()) {
          root.signIn(s, "restore", false);
          s.backups().checkRestore(file);
          who = s.access().principal().orElseThrow();
        }
      }
    }
    UUID replica = BackupService.restore(root.dataDir(), file);
    try (Services s = root.openServices()) {
      s.access().audit().restored(who, file.toAbsolutePath().toString(), replica);
    }
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
