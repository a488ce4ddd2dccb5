package fr.passerelle.app;

import fr.passerelle.db.Database;
import fr.passerelle.db.WallClock;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Permission;
import fr.passerelle.sync.InstallationBackup;
import java.nio.file.Path;

/** Backups as a service: administrators only, each one audited (it copies everyone's file). */
public final class Backups {
  private final Database db;
  private final Access access;
  private final WallClock clock;

  Backups(Database db, Access access, WallClock clock) {
    this.db = db;
    this.access = access;
    this.clock = clock;
  }

  /** Writes a consistent backup of the database to {@code out}. */
  public void backup(Path out) {
    access.require(Permission.BACKUP_MANAGE);
    InstallationBackup.backup(db, out, clock);
    access.audit().record(AuditAction.EXPORT, null, out.toAbsolutePath().toString(), "sauvegarde");
  }

  /** Checks that the signed-in account may replace the database by a backup (before it closes). */
  public void checkRestore(Path file) {
    access.require(Permission.BACKUP_MANAGE);
  }
}
