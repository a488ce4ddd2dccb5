package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.core.Progress;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.DataDirs;
import fr.passerelle.security.AccessDeniedException;
import fr.passerelle.security.SignInService;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options and the verbs of the command-line contract. */
@Command(
    name = "passerelle",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Passerelle: France Travail / temp-agency partnership tool. No command opens the window.",
    subcommands = {
      InitCommand.class,
      MigrateCommand.class,
      JoinCommand.class,
      DemoCommand.class,
      OccupationsCommand.class,
      CandidatesCommand.class,
      OffersCommand.class,
      StatsCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      CheckCommand.class,
      MeetingsCommand.class,
      RosterCommand.class,
      PrintCommand.class,
      PrintersCommand.class,
      IcsCommand.class,
      ConvocationsCommand.class,
      InvitationsCommand.class,
      ReportCommand.class,
      OfficeCommand.class,
      SyncCommand.class,
      AccountsCommand.class,
      AuditCommand.class,
      RetentionCommand.class,
      PersonCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PasserelleCommand implements Runnable {
  @Option(
      names = "--data-dir",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Data folder (default: $PASSERELLE_DATA_DIR, else the user data folder).")
  Path dataDir;

  private static final String SYNC_FILE = ".passerelle";

  @Option(
      names = "--user",
      scope = ScopeType.INHERIT,
      paramLabel = "LOGIN",
      description =
          "The account to run as (default: $PASSERELLE_USER; asked on a terminal). Its password is"
              + " asked on the terminal, or read from standard input with --password-stdin; never"
              + " give it as an argument.")
  String user;

  @Option(
      names = "--password-stdin",
      scope = ScopeType.INHERIT,
      description =
          "Read the password from the first line of standard input (scripts); a command that needs"
              + " another password (a new account's) reads it from the next line.")
  boolean passwordStdin;

  private Map<String, String> env = Map.of();
  private GuiLauncher gui;
  private InputStream in = System.in;
  private Vault vault = Vault.standard();
  private BufferedReader input;
  private char[] signInPassword;

  /** The data folder these options designate. */
  public Path dataDir() {
    return DataDirs.resolve(dataDir, env);
  }

  /**
   * How the services of a data folder are opened (tests: cheaper password hashing); what a crash
   * left is finished first, its progress to {@code recovery} (ADR 0080).
   */
  @FunctionalInterface
  public interface Opener {
    Services open(Path dataDir, Progress recovery);
  }

  /**
   * Opens the services on the data folder with nobody signed in (the set-up of a new or clear
   * installation); the caller closes them. An encrypted folder opens only by a sign-in ({@link
   * #openSignedIn}).
   */
  public Services openServices() {
    return vault.openClear(dataDir());
  }

  /**
   * Opens the services on a clear data folder with nobody signed in, what a crash left finished
   * first with its progress on {@code err}; the caller closes them.
   */
  public Services openServices(PrintWriter err) {
    return vault.openClear(dataDir(), new StderrProgress(err, "recovery"));
  }

  /** How the data folder is opened and encrypted. */
  Vault vault() {
    return vault;
  }

  /**
   * Opens the data folder as the account (its password read as {@link #readPassword} says): an
   * encrypted database is unlocked by the account's key slot, a clear one converted at this first
   * sign-in. Refused (exit 4) as {@link #signIn} says.
   */
  Vault.Opened openSignedIn(String command, boolean passwordChange) {
    return openSignedIn(command, passwordChange, Progress.NONE);
  }

  /**
   * As {@link #openSignedIn(String, boolean)}, what a crash left finished first with its progress
   * on {@code err}.
   */
  Vault.Opened openSignedIn(String command, boolean passwordChange, PrintWriter err) {
    return openSignedIn(command, passwordChange, new StderrProgress(err, "recovery"));
  }

  private Vault.Opened openSignedIn(String command, boolean passwordChange, Progress recovery) {
    Path dir = dataDir();
    // a clear folder opens first, as before the encryption: a folder in use is said before the
    // login and password are asked
    Services clear = vault.encrypted(dir) ? null : vault.openClear(dir, recovery);
    char[] pw = null;
    Vault.Opened o;
    try {
      String login = login();
      pw = readAccountPassword(login);
      String channel = "ligne de commande: " + command;
      o =
          clear == null
              ? vault.signIn(dir, login, pw, channel, recovery)
              : vault.signIn(clear, login, pw, channel);
    } catch (RuntimeException e) {
      if (clear != null) {
        clear.close();
      }
      if (pw != null) {
        Arrays.fill(pw, '\0');
      }
      throw e;
    }
    keepForPasswordChange(pw, passwordChange);
    if (o.signedIn().mustChange() && !passwordChange) {
      o.close();
      throw mustChange(o.signedIn());
    }
    return o;
  }

  private static UserFacingException mustChange(SignInService.SignedIn s) {
    String login = s.principal().login();
    return new UserFacingException(
            AccessDeniedException.EXIT_CODE,
            "The account "
                + login
                + " must choose its own password first: passerelle --user "
                + login
                + " accounts passwd")
        .keyed("cli.error.mustChange", login);
  }

  /**
   * The password the account signed in with, kept for {@code accounts passwd} ({@link
   * #takeSignInPassword}); else cleared at once.
   */
  private void keepForPasswordChange(char[] pw, boolean passwordChange) {
    if (passwordChange) {
      signInPassword = pw;
    } else {
      Arrays.fill(pw, '\0');
    }
  }

  /** The login to run as: --user, else $PASSERELLE_USER, else asked on the terminal. */
  String login() {
    String l = user != null && !user.isBlank() ? user : env.get("PASSERELLE_USER");
    if (l != null && !l.isBlank()) {
      return l.trim();
    }
    Console c = System.console();
    if (c != null && !passwordStdin) {
      String typed = c.readLine("Identifiant : ");
      if (typed != null && !typed.isBlank()) {
        return typed.trim();
      }
    }
    throw new UserFacingException(
            1, "Name the account to run as: --user LOGIN (or the variable PASSERELLE_USER).")
        .keyed("cli.error.noUser");
  }

  /**
   * A password: the next line of standard input with --password-stdin, else asked on the terminal
   * without echo. Never from the arguments or the environment.
   */
  char[] readPassword(String prompt) {
    if (passwordStdin) {
      try {
        String line = input().readLine();
        if (line == null) {
          throw new UserFacingException(
                  1, "--password-stdin: standard input ended before the password.")
              .keyed("cli.error.stdinEnded");
        }
        return line.toCharArray();
      } catch (IOException e) {
        throw new UserFacingException(1, "Cannot read the password: " + e.getMessage(), e)
            .keyed("cli.error.passwordUnreadable", String.valueOf(e.getMessage()));
      }
    }
    Console c = System.console();
    if (c == null) {
      throw new UserFacingException(
              1,
              "No terminal to ask the password: write it on standard input and pass"
                  + " --password-stdin.")
          .keyed("cli.error.noTerminal");
    }
    char[] pw = c.readPassword("%s", prompt);
    if (pw == null) {
      throw new UserFacingException(1, "No password given.").keyed("cli.error.noPassword");
    }
    return pw;
  }

  /** The password of the account {@code login}, read as {@link #readPassword} says. */
  char[] readAccountPassword(String login) {
    return readPassword("Mot de passe de " + login + " : ");
  }

  /** A new password, asked twice on a terminal (once from standard input). */
  char[] readNewPassword(String prompt) {
    char[] first = readPassword(prompt);
    if (passwordStdin) {
      return first;
    }
    char[] again = readPassword("Confirmez : ");
    try {
      if (!Arrays.equals(first, again)) {
        Arrays.fill(first, '\0');
        throw new UserFacingException(2, "The two passwords differ: nothing was changed.")
            .keyed("cli.error.passwordsDiffer");
      }
      return first;
    } finally {
      Arrays.fill(again, '\0');
    }
  }

  /** Standard input as lines, shared by the password and a command's own questions. */
  BufferedReader input() {
    if (input == null) {
      input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return input;
  }

  /**
   * Signs the account in on {@code services} for the command {@code command}. Refused (exit 4) when
   * the password is wrong, the account locked or disabled, or when it must first choose its own
   * password ({@code accounts passwd} excepted).
   */
  void signIn(Services services, String command, boolean passwordChange) {
    String login = login();
    char[] pw = readAccountPassword(login);
    SignInService.SignedIn s = services.signIn().signIn(login, pw, "ligne de commande: " + command);
    keepForPasswordChange(pw, passwordChange);
    if (s.mustChange() && !passwordChange) {
      throw mustChange(s);
    }
  }

  /** The password the account signed in with (accounts passwd only); cleared after use. */
  char[] takeSignInPassword() {
    char[] p = signInPassword;
    signInPassword = null;
    return p;
  }

  @Override
  public void run() {
    gui.launch(dataDir(), null);
  }

  /**
   * Parses and runs; returns the exit code of docs/architecture.md. Without a command, opens the
   * window through {@code gui} and returns when it is closed. {@code out}/{@code err} may be null
   * (standard streams).
   */
  public static int run(
      String[] args, Map<String, String> env, GuiLauncher gui, PrintWriter out, PrintWriter err) {
    return run(args, env, gui, out, err, System.in, Vault.standard());
  }

  /**
   * As {@link #run(String[], Map, GuiLauncher, PrintWriter, PrintWriter)}, reading {@code in} and
   * opening the data folder with {@code opener}.
   */
  public static int run(
      String[] args,
      Map<String, String> env,
      GuiLauncher gui,
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Opener opener) {
    return run(args, env, gui, out, err, in, Vault.clearOnly(opener::open));
  }

  /**
   * As {@link #run(String[], Map, GuiLauncher, PrintWriter, PrintWriter)}, reading {@code in} and
   * opening the data folder through {@code vault}.
   */
  public static int run(
      String[] args,
      Map<String, String> env,
      GuiLauncher gui,
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Vault vault) {
    if (args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(SYNC_FILE)) {
      // a sync file double-clicked (the Windows installer associates .passerelle with Passerelle,
      // which then gets its path alone): the window opens and imports it
      gui.launch(DataDirs.resolve(null, env), Path.of(args[0]).toAbsolutePath());
      return 0;
    }
    PasserelleCommand root = new PasserelleCommand();
    root.env = env;
    root.gui = gui;
    root.in = in;
    root.vault = vault;
    CommandLine cl = new CommandLine(root);
    addHelpOption(cl);
    if (out != null) {
      cl.setOut(out);
    }
    if (err != null) {
      cl.setErr(err);
    }
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UserFacingException u) {
            commandLine.getErr().println(u.getMessage());
            commandLine.getErr().flush();
            return u.exitCode();
          }
          throw ex;
        });
    cl.setParameterExceptionHandler(
        (ex, arguments) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          e.println(ex.getMessage());
          e.println("See 'passerelle --help'.");
          e.flush();
          return 1;
        });
    return cl.execute(args);
  }

  /** {@code -h}/{@code --help} on every subcommand, however deep (the root has it by mixin). */
  private static void addHelpOption(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      var spec = sub.getCommandSpec();
      if (spec.findOption("--help") == null) {
        spec.addOption(
            CommandLine.Model.OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
      }
      addHelpOption(sub);
    }
  }
}
