package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.DataDirs;
import java.io.PrintWriter;
import java.nio.file.Path;
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
      DemoCommand.class,
      OccupationsCommand.class,
      CandidatesCommand.class,
      OffersCommand.class,
      StatsCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
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
  private Map<String, String> env = Map.of();
  private GuiLauncher gui;

  /** The data folder these options designate. */
  public Path dataDir() {
    return DataDirs.resolve(dataDir, env);
  }

  /** Opens the services on the data folder; the caller closes them. */
  public Services openServices() {
    return Services.open(dataDir());
  }

  @Override
  public void run() {
    gui.launch(dataDir(), null);
  }

  /**
   * Parses and runs; returns the exit code of DESIGN.md. Without a command, opens the window
   * through {@code gui} and returns when it is closed. {@code out}/{@code err} may be null
   * (standard streams).
   */
  public static int run(
      String[] args, Map<String, String> env, GuiLauncher gui, PrintWriter out, PrintWriter err) {
    if (args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(SYNC_FILE)) {
      // a sync file double-clicked (the Windows installer associates .passerelle with Passerelle,
      // which then gets its path alone): the window opens and imports it
      gui.launch(DataDirs.resolve(null, env), Path.of(args[0]).toAbsolutePath());
      return 0;
    }
    PasserelleCommand root = new PasserelleCommand();
    root.env = env;
    root.gui = gui;
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
