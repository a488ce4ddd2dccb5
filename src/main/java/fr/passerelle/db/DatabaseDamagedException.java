package fr.passerelle.db;

import fr.passerelle.core.UserFacingException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The integrity check found the database damaged (exit code 4): nothing was changed, and the
 * message says the way back (ADR 0080).
 */
public class DatabaseDamagedException extends UserFacingException {
  public static final int EXIT_CODE = 4;
  private final transient IntegrityCheck.Result result;

  private DatabaseDamagedException(String message, IntegrityCheck.Result result) {
    super(EXIT_CODE, message);
    this.result = result;
  }

  public IntegrityCheck.Result result() {
    return result;
  }

  /**
   * Names the damaged tables and the ways back, in English and by the UI text {@code db.damaged}.
   */
  public static DatabaseDamagedException of(Path dataDir, IntegrityCheck.Result r) {
    String tables = String.join(", ", r.damagedTables());
    Optional<AutoBackups.Backup> backup = AutoBackups.latest(dataDir);
    String when =
        backup
            .map(
                b ->
                    DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                        .withZone(ZoneId.systemDefault())
                        .format(b.at()))
            .orElse("");
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
