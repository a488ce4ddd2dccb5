package fr.passerelle.cli;

import fr.passerelle.app.Services;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backup", description = "Write a consistent backup of the database.")
final class BackupCommand extends ServiceCommand {
  @Option(names = "--out", required = true, paramLabel = "FILE")
  Path out;

  @Override
  protected int run(Services services) {
    services.backups().backup(out);
    out().println("Backup written to " + out.toAbsolutePath());
    return 0;
  }
}
