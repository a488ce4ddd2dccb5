package fr.passerelle.testsupport;

import fr.passerelle.app.Services;
import fr.passerelle.cli.PasserelleCommand;
import fr.passerelle.db.WallClock;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the command line in-process on a data folder and captures its output. Commands run as the
 * test administrator ({@link TestServices#ADMIN}): {@code --user admin --password-stdin}, its
 * password on standard input, the way a script does; {@code init} on a fresh folder creates it.
 */
public final class Cli {
  /** What a command printed and returned. */
  public record Result(int code, String out, String err) {}

  private Cli() {}

  public static Result run(Path dataDir, String... args) {
    if (args.length == 0 || !args[0].equals("init")) {
      ensureAdmin(dataDir);
    }
    return runAs(dataDir, TestServices.ADMIN, TestServices.PASSWORD + "\n", args);
  }

  /**
   * Creates the test administrator in a folder that has no account yet (as {@code init} or the
   * first start would), so that any command runs on a fresh folder.
   */
  public static void ensureAdmin(Path dataDir) {
    if (!hasAccount(dataDir)) {
      TestServices.open(dataDir).close();
    }
  }

  private static boolean hasAccount(Path dataDir) {
    if (!java.nio.file.Files.exists(dataDir.resolve("passerelle.mv.db"))) {
      return false;
    }
    String url =
        "jdbc:h2:file:" + dataDir.resolve("passerelle").toAbsolutePath() + ";IFEXISTS=TRUE";
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM account")) {
      return rs.next() && rs.getLong(1) > 0;
    } catch (java.sql.SQLException e) {
      return false; // no account table yet: not migrated
    }
  }

  /**
   * Runs as {@code login}; {@code stdin} is what the command reads (the password first, then any
   * answer or new password it asks for).
   */
  public static Result runAs(Path dataDir, String login, String stdin, String... args) {
    return runWith(
        dataDir,
        fr.passerelle.app.Vault.clearOnly(
            (d, recovery) -> Services.open(d, WallClock.system(), TestServices.FAST, recovery)),
        login,
        stdin,
        args);
  }

  /** A vault that encrypts, as the application's, with cheap Argon2id parameters. */
  public static fr.passerelle.app.Vault encrypting() {
    return new fr.passerelle.app.Vault(
        WallClock.system(),
        TestServices.FAST,
        true,
        (d, recovery) -> Services.open(d, WallClock.system(), TestServices.FAST, recovery));
  }

  /** Runs as {@code login} (null: no --user) opening the folder through {@code vault}. */
  public static Result runWith(
      Path dataDir, fr.passerelle.app.Vault vault, String login, String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    if (login != null) {
      all.addAll(List.of("--user", login, "--password-stdin"));
    }
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
            new PrintWriter(err, true),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            vault);
    return new Result(code, out.toString(), err.toString());
  }
}
