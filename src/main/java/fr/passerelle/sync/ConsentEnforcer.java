package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.DELETED;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.AUDIT_ENTRY;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.SYNC_TOUCHED_PERSON;

import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.db.VersionStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The receiver's consent rule, applied at the end of an import to the persons it touched: rows
 * about a person another organisation owns are kept only while the consent held here allows them;
 * otherwise they are erased, with their conflict records and audit details. The consent row itself
 * stays: it is what stops an old file replayed later from bringing them back.
 */
final class ConsentEnforcer {
  private ConsentEnforcer() {}

  static void apply(DSLContext tx, VersionStore store, String own, SyncImportReport report) {
    List<Table<?>> order = new ArrayList<>(ReplicatedTables.ALL);
    Collections.reverse(order); // children (and conflict records) before what they hang off
    Condition touchedAny = DSL.exists(DSL.selectOne().from(SYNC_TOUCHED_PERSON));
    if (!tx.fetchExists(DSL.selectOne().from(SYNC_TOUCHED_PERSON))) {
      return;
    }
    // Only persons whose consent was recorded outside this organisation can have rows to erase
    // (mustErase); in the common case (an office's own people) there are none: skip the scans.
    boolean mayErase =
        tx.fetchExists(
            DSL.selectOne()
                .from(SYNC_TOUCHED_PERSON)
                .where(PersonData.consentAuthoredBy(SYNC_TOUCHED_PERSON.ID, own, false)));
    for (Table<?> t : order) {
      if (!PersonData.isAboutPerson(t)) {
        continue;
      }
      Field<UUID> person = PersonData.person(t);
      Condition which =
          person
              .in(DSL.select(SYNC_TOUCHED_PERSON.ID).from(SYNC_TOUCHED_PERSON))
              .and(PersonData.mustErase(t, own))
              .and(touchedAny);
      if (mayErase) {
        // audit entries about the person keep their place in the chain (its hash covers the
        // details' digest), without their details
        tx.update(AUDIT_ENTRY)
            .setNull(AUDIT_ENTRY.DETAILS)
            .where(AUDIT_ENTRY.PERSON_ID.in(DSL.select(person).from(t).where(which)))
            .execute();
        int n = store.erase(tx, t, which);
        if (n > 0) {
          report.table(t.getName()).erased += n;
        }
      }
      if (t != CANDIDATE && !PersonData.isConflict(t)) {
        long orphans =
            tx.fetchCount(
                DSL.selectOne()
                    .from(t)
                    .where(person.in(DSL.select(SYNC_TOUCHED_PERSON.ID).from(SYNC_TOUCHED_PERSON)))
                    .and(col(t, DELETED).isFalse())
                    .andNotExists(
                        DSL.selectOne()
                            .from(CANDIDATE)
                            .where(CANDIDATE.ID.eq(person))
                            .and(CANDIDATE.DELETED.isFalse())));
        if (orphans > 0) {
          report.table(t.getName()).orphans += orphans;
        }
      }
    }
  }
}
