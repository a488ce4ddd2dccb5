package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.REPLICA;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Chains the entries of the former {@code audit_log} (consent changes, merges, erasures written
 * before accounts existed) into {@code audit_entry}, in their order, as entries of this
 * installation with the actor they named (the operating-system user). V46 then drops the table.
 */
public final class AuditLegacyMigration implements JavaMigration {
  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("45.1");
  }

  @Override
  public String getDescription() {
    return "Audit log chained";
  }

  @Override
  public Integer getChecksum() {
    return 1;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) {
    DSLContext tx = Database.dslOf(context.getConnection());
    if (!tx.fetchExists(REPLICA, REPLICA.IS_CURRENT.isTrue())) {
      return; // a new database: nothing was logged yet
    }
    var log = DSL.table(DSL.name("AUDIT_LOG"));
    for (Record r :
        tx.select(
                DSL.field(DSL.name("AT"), OffsetDateTime.class),
                DSL.field(DSL.name("ACTOR"), String.class),
                DSL.field(DSL.name("ACTION"), String.class),
                DSL.field(DSL.name("TABLE_NAME"), String.class),
                DSL.field(DSL.name("ROW_ID"), UUID.class),
                DSL.field(DSL.name("DETAILS"), String.class))
            .from(log)
            .orderBy(DSL.field(DSL.name("ID")))
            .fetch()) {
      OffsetDateTime at = r.get(0, OffsetDateTime.class);
      String table = r.get(3, String.class);
      UUID row = r.get(4, UUID.class);
      boolean aboutPerson =
          table != null && (table.equalsIgnoreCase("candidate") || table.startsWith("candidate_"));
      AuditChain.append(
          tx,
          new AuditChain.Draft(
              at == null ? Instant.EPOCH : at.toInstant(),
              null,
              r.get(1, String.class),
              null,
              null,
              legacyAction(r.get(2, String.class)),
              aboutPerson ? row : null,
              table == null ? null : table + (row == null ? "" : " " + row),
              r.get(5, String.class)));
    }
  }

  /** The actions of the former log under their current names. */
  static String legacyAction(String action) {
    if (action == null) {
      return "LEGACY";
    }
    return switch (action) {
      case "CONSENT" -> "CONSENT_CHANGED";
      case "MERGE" -> "CANDIDATES_MERGED";
      case "DELETE" -> "CANDIDATE_ERASED";
      default -> action;
    };
  }
}
