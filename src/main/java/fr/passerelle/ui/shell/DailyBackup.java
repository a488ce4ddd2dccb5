package fr.passerelle.ui.shell;

import fr.passerelle.app.Services;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.function.Consumer;

/**
 * The daily automatic backup (ADR 0080), taken in the background once someone signed in to an
 * installation with an office. A failure (a full disk, a folder that cannot be written) is said to
 * the counselor, not only logged: a workstation whose backups fail every day must not look safe.
 */
final class DailyBackup {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DailyBackup.class);

  private DailyBackup() {}

  /** Takes it if due; {@code notice} is told, in the window's language, if it failed. */
  static void takeIfDue(Services s, TaskRunner tasks, Messages m, Consumer<String> notice) {
    tasks.submit(
        m.get("app.dailyBackup"),
        p -> s.takeDailyBackupIfDue(),
        taken -> LOG.info("daily automatic backup taken: {}", taken),
        e -> {
          LOG.warn("the daily automatic backup failed", e);
          notice.accept(m.get("app.dailyBackup.failed", m.describeOrUnexpected(e)));
        });
  }
}
