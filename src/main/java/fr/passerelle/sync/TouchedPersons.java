package fr.passerelle.sync;

import static fr.passerelle.db.jooq.Tables.SYNC_TOUCHED_PERSON;

import fr.passerelle.db.Database;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;

/**
 * The persons an import touched ({@code sync_touched_person}), to which the receiver's consent rule
 * is applied at its end ({@link ConsentEnforcer}, ADR 0080). The one place that says how a person
 * is added without a duplicate in each SQL dialect: H2's {@code MERGE ... KEY}, PostgreSQL's {@code
 * INSERT ... ON CONFLICT DO NOTHING}.
 */
final class TouchedPersons {
  private TouchedPersons() {}

  /** Forgets every noted person (before an import, and once the consent rule was applied). */
  static void clear(DSLContext tx) {
    tx.deleteFrom(SYNC_TOUCHED_PERSON).execute();
  }

  /** Notes the persons {@code persons} selects (each once). */
  static void add(DSLContext tx, Select<? extends Record1<UUID>> persons) {
    if (postgres(tx.dialect())) {
      tx.insertInto(SYNC_TOUCHED_PERSON, SYNC_TOUCHED_PERSON.ID)
          .select(persons)
          .onDuplicateKeyIgnore()
          .execute();
    } else {
      tx.mergeInto(SYNC_TOUCHED_PERSON)
          .columns(SYNC_TOUCHED_PERSON.ID)
          .key(SYNC_TOUCHED_PERSON.ID)
          .select(persons)
          .execute();
    }
  }

  /** Notes {@code persons} (each once), in one JDBC batch. */
  static void add(DSLContext tx, Collection<UUID> persons) {
    tx.connection(
        c -> {
          String upsert =
              postgres(Database.dialect(c))
                  ? "INSERT INTO sync_touched_person(id) VALUES (?) ON CONFLICT DO NOTHING"
                  : "MERGE INTO SYNC_TOUCHED_PERSON KEY(ID) VALUES (?)";
          try (PreparedStatement ps = c.prepareStatement(upsert)) {
            for (UUID p : persons) {
              ps.setObject(1, p);
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  private static boolean postgres(SQLDialect d) {
    return d.family() == SQLDialect.POSTGRES;
  }
}
