package fr.passerelle.testsupport;

import fr.passerelle.cli.PasserelleCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the command line in-process on a data folder and captures its output. */
public final class Cli {
  /** What a command printed and returned. */
  public record Result(int code, String out, String err) {}

  private Cli() {}

  public static Result run(Path dataDir, String... args) {
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        PasserelleCommand.run(
            all.toArray(String[]::new),
            Map.of(),
            (d, f) -> {
              throw new AssertionError("the GUI must not start in a CLI test");
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }
}
