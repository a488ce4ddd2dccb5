package fr.passerelle.ui.shell;

import fr.passerelle.core.DateFormats;
import fr.passerelle.core.Progress;
import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.AutoBackups;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the window does when the data folder cannot be opened: says why in French (the log file
 * named) and quits; or, when the integrity check found the database damaged after a crash (ADR
 * 0080), offers the ways back — rebuild from what can be read, restore the newest automatic backup
 * — runs the chosen one in the background and opens the repaired folder. A workflow of its own, out
 * of the window's screen sequence ({@link AppController}), tested without a window.
 */
final class OpenFailure {
  private static final Logger LOG = LoggerFactory.getLogger(OpenFailure.class);

  /** The way back itself, off the FX thread ({@link SessionGate#repair}). */
  @FunctionalInterface
  interface Repair {
    SessionGate.Repaired run(boolean rebuild, Progress progress) throws Exception;
  }

  /** What the window shows meanwhile and after. */
  interface Window {
    /** The splash, saying what is being done. */
    void splash(String doing);

    /** The repaired folder opened again: on to the set-up or the sign-in. */
    void reopened(SessionGate.Opened opened);

    /** An encrypted folder, repaired: it opens with a sign-in. */
    void signIn();

    /** A notice once the window shows again. */
    void notice(String text);

    /** Nothing to do: the application quits. */
    void quit();
  }

  private final Path dataDir;
  private final Path logFile;
  private final Messages m;
  private final DialogService dialogs;
  private final TaskRunner tasks;
  private final Repair repair;
  private final Window window;

  OpenFailure(
      Path dataDir,
      Path logFile,
      Messages m,
      DialogService dialogs,
      TaskRunner tasks,
      Repair repair,
      Window window) {
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.m = m;
    this.dialogs = dialogs;
    this.tasks = tasks;
    this.repair = repair;
    this.window = window;
  }

  /** The opening (or a way back) failed with {@code e}. */
  void failed(Throwable e) {
    if (e instanceof DatabaseDamagedException damaged) {
      offerWayBack(damaged);
      return;
    }
    String detail = e instanceof UserFacingException ? m.describe(e) : m.get("error.unexpected", e);
    LOG.error("cannot open the database in {}", dataDir, e);
    dialogs.error(
        "open-error",
        m.get("error.open.header"),
        detail + "\n\n" + m.get("error.open.logs", logFile),
        window::quit);
  }

  private void offerWayBack(DatabaseDamagedException e) {
    LOG.error(
        "the database in {} is damaged: {}",
        dataDir,
        e.unreadable() ? e.getMessage() : e.result().problems());
    List<DialogService.Answer<Boolean>> ways = new ArrayList<>();
    if (!e.unreadable()) {
      // H2 reads what it can of a file it opens
      ways.add(new DialogService.Answer<>(true, m.get("db.rebuild")));
    }
    if (AutoBackups.latest(dataDir).isPresent()) {
      ways.add(new DialogService.Answer<>(false, m.get("db.restoreBackup")));
    }
    Optional<Boolean> way =
        dialogs.choose(
            "damaged-dialog",
            m.get("db.damaged.header"),
            m.describe(e) + "\n\n" + m.get("error.open.logs", logFile),
            ways,
            m.get("db.quit"));
    if (way.isEmpty()) {
      window.quit();
      return;
    }
    boolean rebuild = way.get();
    window.splash(m.get("db.repairing"));
    tasks.submit(
        m.get("db.repairing"),
        p -> repair.run(rebuild, p),
        r -> {
          if (r.reopened() == null) {
            window.signIn();
          } else {
            window.reopened(r.reopened());
          }
          window.notice(
              rebuild
                  ? m.get("db.rebuilt", r.outcome().peersRolledBack())
                  : m.get(
                      "db.restored",
                      DateFormats.DAY_TIME
                          .withZone(ZoneId.systemDefault())
                          .format(r.outcome().backup().at())));
        },
        this::failed);
  }
}
