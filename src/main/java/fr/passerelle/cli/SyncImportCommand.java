package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.sync.SyncImportReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "import", description = "Import a sync file (all of it, or nothing).")
final class SyncImportCommand extends ServiceCommand {
  @Parameters(paramLabel = "FILE")
  Path file;

  @Override
  protected int run(Services services) {
    SyncImportReport r =
        services
            .sync()
            .importer()
            .importFile(
                file,
                new Progress() {
                  private long lastShown;

                  @Override
                  public void update(long done, long total, String message) {
                    if (done < lastShown) {
                      lastShown = 0; // the search index's catch-up counts from 0
                    }
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
    if (r.reindexed() > 0) {
      out()
          .printf(
              "  search index: %d candidate(s) re-indexed after the import (%.1f s)%n",
              r.reindexed(), r.reindexTime().toMillis() / 1000.0);
    }
    return 0;
  }
}
