package fr.passerelle.office;

import static fr.passerelle.db.jooq.Tables.PEER;

import fr.passerelle.db.Database;
import fr.passerelle.db.OfficeServer;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * What the status bar says about this installation: its office, where its database is (the data
 * folder, or the office server's address: {@code postgresql://host:port/database}, never a
 * password), and when it last exchanged a sync file with any peer (import or export).
 */
public record InstallationStatus(
    Optional<Office> office, String database, Optional<OffsetDateTime> lastSync) {

  /** Reads the status (small queries: call it off the UI thread). */
  public static InstallationStatus load(Database db, OfficeService offices) {
    Record2<OffsetDateTime, OffsetDateTime> last =
        db.dsl()
            .select(DSL.max(PEER.LAST_IMPORT_AT), DSL.max(PEER.LAST_EXPORT_AT))
            .from(PEER)
            .fetchOne();
    String where =
        db.server().map(OfficeServer::address).orElseGet(() -> folder(db.file()).toString());
    return new InstallationStatus(
        offices.current(), where, Optional.ofNullable(later(last.value1(), last.value2())));
  }

  private static Path folder(Path databaseFile) {
    return databaseFile.toAbsolutePath().getParent();
  }

  private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
