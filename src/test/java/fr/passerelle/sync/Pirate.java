package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.HLC;
import static fr.passerelle.db.ReplicatedTables.ID;
import static fr.passerelle.db.ReplicatedTables.VV;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CRITERION;

import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.VersionVector;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;

/**
 * A misbehaving partner installation: an old or modified Passerelle that writes without the local
 * guards (no consent rule), and forges the sync columns of its versions so that they dominate the
 * victim's (its version vector above theirs, its clock a year ahead). Its files are made by the
 * ordinary exporter, which sends what it believes are its own organisation's rows.
 */
final class Pirate {
  private static final long A_YEAR = 365L * 24 * 3600 * 1000;
  private final Node node;
  private final ReplicatedWriter raw;

  Pirate(Node node) {
    this.node = node;
    this.raw = new ReplicatedWriter(node.clock);
  }

  /** Writes a version of row {@code id} (created if this installation does not hold it). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  void write(Table<?> table, UUID id, Consumer<Record> fill) {
    node.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              Record stored = tx.selectFrom(table).where(col(table, ID).eq(id)).fetchOne();
              if (stored == null) {
                Record r = tx.newRecord(table);
                r.set(col(table, ID), id);
                fill.accept(r);
                raw.insert(tx, (TableRecord) r);
              } else {
                fill.accept(stored);
                raw.update(tx, (UpdatableRecord) stored);
              }
            });
  }

  /** Deletes row {@code id}, creating it first if this installation does not hold it. */
  void delete(Table<?> table, UUID id) {
    if (!node.dsl().fetchExists(table, col(table, ID).eq(id))) {
      write(table, id, r -> {});
    }
    node.dsl().transaction(cfg -> raw.delete(cfg.dsl(), table, id));
  }

  /** Makes this installation's version of row {@code id} dominate {@code victim}'s. */
  void dominate(Table<?> table, UUID id, Node victim) {
    Record theirs = victim.dsl().selectFrom(table).where(col(table, ID).eq(id)).fetchOne();
    Record mine = node.dsl().selectFrom(table).where(col(table, ID).eq(id)).fetchOne();
    VersionVector vv = VersionVector.parse(mine.get(col(table, VV)));
    long hlc = mine.get(col(table, HLC));
    if (theirs != null) {
      vv = vv.merge(VersionVector.parse(theirs.get(col(table, VV))));
      hlc = Math.max(hlc, theirs.get(col(table, HLC)));
    }
    node.dsl()
        .update(table)
        .set(col(table, VV), vv.toString())
        .set(col(table, HLC), hlc + (A_YEAR << 16))
        .where(col(table, ID).eq(id))
        .execute();
  }

  /** Renames a candidate, dominating the victim's version. */
  void rename(UUID candidate, String lastName, Node victim, UUID officeId) {
    write(
        CANDIDATE,
        candidate,
        r -> {
          r.set(CANDIDATE.LAST_NAME, lastName);
          r.set(CANDIDATE.FIRST_NAME, "Pirate");
          if (r.get(CANDIDATE.OFFICE_ID) == null) {
            r.set(CANDIDATE.OFFICE_ID, officeId);
          }
        });
    dominate(CANDIDATE, candidate, victim);
  }

  /** Records a consent for {@code person}, as if it were this organisation's person. */
  void consent(UUID person, boolean share, boolean sensitive, Node victim) {
    write(
        CANDIDATE_CONSENT,
        person,
        r -> {
          r.set(CANDIDATE_CONSENT.CANDIDATE_ID, person);
          r.set(CANDIDATE_CONSENT.SHARE, share);
          r.set(CANDIDATE_CONSENT.SENSITIVE, sensitive);
        });
    if (victim != null) {
      dominate(CANDIDATE_CONSENT, person, victim);
    }
  }

  /** Records a criterion (RQTH: health data) for {@code person}. */
  UUID criterion(UUID person, String criterion) {
    UUID id = UUID.randomUUID();
    write(
        CANDIDATE_CRITERION,
        id,
        r -> {
          r.set(CANDIDATE_CRITERION.CANDIDATE_ID, person);
          r.set(CANDIDATE_CRITERION.CRITERION, criterion);
        });
    return id;
  }
}
