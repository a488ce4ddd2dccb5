package fr.passerelle.db;

import static fr.passerelle.db.jooq.Tables.REPLICA;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jooq.DSLContext;

/**
 * The schema of an installation brought to the shipped version when its database opens: Flyway's
 * SQL and Java migrations (the PostgreSQL twins where a dialect differs, ADR 0150), skipped when
 * every shipped migration is already applied (ADR 0188); then the current replica row.
 */
final class SchemaMigrations {
  private SchemaMigrations() {}

  /**
   * Brings the schema of {@code pool} (the office server's when {@code onServer}) to the shipped
   * version, or refuses — naming {@code where} — a database written by a newer Passerelle or not a
   * Passerelle database.
   */
  static void apply(DataSource pool, boolean onServer, String where) {
    List<org.flywaydb.core.api.migration.JavaMigration> java =
        List.of(new ReferenceDataMigration(), new AuditLegacyMigration());
    if (ShippedMigrations.allApplied(pool, java)) {
      return; // every shipped migration applied, nothing else: no need of Flyway (ADR 0188)
    }
    org.flywaydb.core.api.configuration.FluentConfiguration config =
        Flyway.configure()
            .dataSource(pool)
            .locations("classpath:" + ShippedMigrations.LOCATION)
            .javaMigrations(java.toArray(org.flywaydb.core.api.migration.JavaMigration[]::new))
            // features take numbers from separate ranges and land in any order (ADR 0135)
            .outOfOrder(true);
    if (onServer) {
      config.resourceProvider(new PostgresMigrations(config));
    }
    Flyway flyway = config.load();
    try {
      MigrationInfo[] future =
          Arrays.stream(flyway.info().all())
              .filter(i -> i.getState() == MigrationState.FUTURE_SUCCESS)
              .toArray(MigrationInfo[]::new);
      if (future.length > 0) {
        throw new DatabaseException(
            "The database in "
                + where
                + " was written by a newer Passerelle (schema version "
                + future[future.length - 1].getVersion()
                + "): update Passerelle to open it.");
      }
      flyway.migrate();
    } catch (FlywayException e) {
      String msg = String.valueOf(e.getMessage());
      if (msg.contains("non-empty schema")) {
        throw new DatabaseException(
            "The database in " + where + " is not a Passerelle database.", e);
      }
      throw new DatabaseException("Cannot update the database in " + where + ": " + msg, e);
    }
  }

  /** Every installation has exactly one current replica row. */
  static void ensureReplica(DSLContext dsl) {
    dsl.transaction(
        cfg -> {
          DSLContext tx = cfg.dsl();
          if (!tx.fetchExists(REPLICA, REPLICA.IS_CURRENT.isTrue())) {
            tx.insertInto(REPLICA, REPLICA.ID, REPLICA.IS_CURRENT, REPLICA.CREATED_AT)
                .values(UUID.randomUUID(), true, WallClock.system().offsetNow())
                .execute();
          }
        });
  }
}
