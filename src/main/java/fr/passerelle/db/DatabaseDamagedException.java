package fr.passerelle.db;

import fr.passerelle.core.UserFacingException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The integrity check found the database damaged, or H2 cannot open its file at all (exit code 7,
 * README): nothing was changed, and the message says the way back (ADR 0080).
 */
public class DatabaseDamagedException extends UserFacingException {
  public static final int EXIT_CODE = 7;
  private final transient IntegrityCheck.Result result;

  private DatabaseDamagedException(String message, IntegrityCheck.Result result) {
    super(EXIT_CODE, message);
    this.result = result;
  }

  /** What the integrity check found; null when the file could not be opened at all. */
  public IntegrityCheck.Result result() {
    return result;
  }

  /** True when H2 cannot open the file at all: only a backup brings the installation back. */
  public boolean unreadable() {
    return result == null;
  }

  /**
   * H2 cannot open the file (seen after a kill: "Chunk … not found"): only an automatic backup is a
   * way back; the message and the UI text {@code db.unreadable} say so.
   */
  public static DatabaseDamagedException unreadable(Path dataDir, Exception cause) {
    Optional<AutoBackups.Backup> backup = AutoBackups.latest(dataDir);
    String when = backup.map(DatabaseDamagedException::when).orElse("");
    String message =
        "The database file in "
            + dataDir
            + " cannot be opened (it was not closed properly: a crash or a power cut?): "
            + cause.getMessage()
            + ". Nothing was changed. "
            + backup
                .map(
                    b ->
                        "Way back: 'passerelle check --restore-backup' puts back the automatic"
                            + " backup of "
                            + when
                            + " ("
                            + b.file()
                            + ").")
                .orElse("There is no automatic backup: restore a backup ('passerelle restore').");
    DatabaseDamagedException e = new DatabaseDamagedException(message, null);
    e.initCause(cause);
    e.keyed(backup.isPresent() ? "db.unreadable.withBackup" : "db.unreadable", when);
    return e;
  }

  private static String when(AutoBackups.Backup b) {
    return fr.passerelle.core.DateFormats.DAY_TIME.withZone(ZoneId.systemDefault()).format(b.at());
  }

  /**
   * Names the damaged tables and the ways back, in English and by the UI text {@code db.damaged}.
   */
  public static DatabaseDamagedException of(Path dataDir, IntegrityCheck.Result r) {
    String tables = String.join(", ", r.damagedTables());
    Optional<AutoBackups.Backup> backup = AutoBackups.latest(dataDir);
    String when = backup.map(DatabaseDamagedException::when).orElse("");
    String message =
        "The database in "
            + dataDir
            + " is damaged (it was not closed properly: a crash or a power cut?): "
            + r.problems().size()
            + " problem(s) in "
            + tables
            + ". Nothing was changed. Ways back: 'passerelle check --rebuild' keeps every row that"
            + " can still be read and rolls back the checkpoint of an interrupted sync import, so"
            + " that its file can be imported again"
            + backup
                .map(
                    b ->
                        "; 'passerelle check --restore-backup' puts back the automatic backup of "
                            + when
                            + " ("
                            + b.file()
                            + ")")
                .orElse("")
            + ".";
    DatabaseDamagedException e = new DatabaseDamagedException(message, r);
    e.keyed(
        backup.isPresent() ? "db.damaged.withBackup" : "db.damaged",
        tables,
        r.problems().size(),
        when);
    return e;
  }
}
