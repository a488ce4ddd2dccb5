package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.sync.ImportReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = "Import a sync file (all of it, or nothing).")
final class SyncImportCommand extends ServiceCommand {
  @Parameters(paramLabel = "FILE")
  Path file;

  @Override
  protected int run(Services services) {
    ImportReport r =
        services
            .sync()
            .importer()
            .importFile(
                file,
                new Progress() {
                  private long lastShown;

                  @Override
                  public void update(long done, long total, String message) {
                    if (done - lastShown >= 5000) {
                      lastShown = done;
                      err().println("applied " + done + " rows (" + message + ")");
                      err().flush();
                    }
                  }

                  @Override
                  public boolean isCancelled() {
                    return false;
                  }
                });
    out().println(r.summary());
    return 0;
  }
}
