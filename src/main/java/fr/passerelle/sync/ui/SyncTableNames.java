package fr.passerelle.sync.ui;

import fr.passerelle.core.Progress;
import fr.passerelle.ui.Messages;
import java.util.MissingResourceException;

/** The counselor's name of a table the sync reports on ("candidate" → "Candidats"). */
final class SyncTableNames {
  private SyncTableNames() {}

  /** The UI text {@code sync.table.NAME}, or the table name itself if it has none. */
  static String label(Messages m, String table) {
    try {
      return m.get("sync.table." + table);
    } catch (MissingResourceException e) {
      return table;
    }
  }

  /** The import's progress with the table it is writing named as the counselor knows it. */
  static Progress labelled(Messages m, Progress p) {
    return new Progress() {
      @Override
      public void update(long done, long total, String message) {
        p.update(done, total, message == null ? null : label(m, message));
      }

      @Override
      public boolean isCancelled() {
        return p.isCancelled();
      }
    };
  }
}
