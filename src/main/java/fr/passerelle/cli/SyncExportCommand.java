package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.sync.SyncExporter;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "export",
    description = "Prepare sync files: for one peer, or for all (one file per organisation).")
final class SyncExportCommand extends ServiceCommand {
  static final class Target {
    @Option(names = "--to", paramLabel = "REPLICA", required = true)
    UUID to;

    @Option(names = "--all", required = true)
    boolean all;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  @Option(names = "--out", required = true, paramLabel = "FILE|DIR")
  Path out;

  @Option(names = "--full", description = "Everything the peer may see, not only what changed.")
  boolean full;

  @Override
  protected int run(Services services) {
    List<SyncExporter.Result> results =
        target.all
            ? services.sync().exporter().exportAll(out, full, Progress.NONE)
            : List.of(services.sync().exporter().exportTo(target.to, out, full, Progress.NONE));
    for (SyncExporter.Result r : results) {
      out()
          .printf(
              "%s: %d rows for %s (%d recipient(s)), changes up to %d%n",
              r.file(),
              r.manifest().rows(),
              r.organisation(),
              r.recipients().size(),
              r.manifest().to());
    }
    return 0;
  }
}
