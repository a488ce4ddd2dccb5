package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.core.Progress;
import fr.passerelle.demo.DemoService;
import fr.passerelle.demo.DemoService.Options;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    description =
        "Deterministic, realistic demo data (one France Travail agency, two temp-work agencies)"
            + " into an installation without candidates. Same --seed and --today, same data.")
final class DemoCommand extends ServiceCommand {
  @Option(
      names = "--candidates",
      paramLabel = "N",
      description = "Number of candidates (default: ${DEFAULT-VALUE}).")
  int candidates = Options.DEFAULT_CANDIDATES;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = Options.DEFAULT_SEED;

  @Option(
      names = "--offers",
      paramLabel = "N",
      description = "Number of job offers (default: half the candidates).")
  Integer offers;

  @Option(
      names = "--today",
      paramLabel = "YYYY-MM-DD",
      description = "The date the data is laid out around (default: the current date).")
  String today;

  @Option(
      names = "--no-compact",
      description =
          "Do not compact the database file afterwards (compaction frees the space a bulk load leaves).")
  boolean noCompact;

  @Override
  protected int run(Services services) {
    Options defaults = new Options(candidates, seed, services.clock().today());
    Options options =
        new Options(
            candidates,
            seed,
            offers == null ? defaults.offers() : offers,
            today == null ? defaults.today() : parseDate(today));
    PrintWriter err = err();
    DemoService.Report report =
        new DemoService(services).generate(options, new PercentProgress(err));
    out()
        .printf(
            "Demo data generated in %.1f s (seed %d, today %s):%n",
            report.millis() / 1000.0, options.seed(), options.today());
    report.rows().forEach((table, n) -> out().printf("  %-22s %,d%n", table, n));
    if (!noCompact && !services.db().onServer()) { // VACUUM is the office server's
      Path file = services.db().file();
      long before = size(file);
      err.println("Compacting the database file...");
      err.flush();
      long t0 = System.nanoTime();
      services.db().compact();
      out()
          .printf(
              "Database file compacted in %.1f s: %,d MB -> %,d MB%n",
              (System.nanoTime() - t0) / 1e9, before >> 20, size(file) >> 20);
    }
    return 0;
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "--today: \"" + text + "\" is not a date (expected YYYY-MM-DD).");
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  /** Prints a line on stderr each time another 5 % is done, and each new stage. */
  private static final class PercentProgress implements Progress {
    private final PrintWriter err;
    private long lastPercent = -1;
    private String lastMessage = "";

    PercentProgress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void update(long done, long total, String message) {
      long percent = total > 0 ? done * 100 / total : -1;
      boolean newStage = !message.equals(lastMessage);
      if (newStage || (percent / 5 > lastPercent / 5)) {
        if (percent >= 0) {
          err.printf("%3d %% %s (%,d / %,d)%n", percent, message, done, total);
        } else {
          err.println(message);
        }
        err.flush();
        lastPercent = Math.max(lastPercent, percent);
        lastMessage = message;
      }
    }

    @Override
    public boolean isCancelled() {
      return false;
    }
  }
}
