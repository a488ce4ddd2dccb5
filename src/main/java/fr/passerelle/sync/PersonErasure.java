package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.DELETED;
import static fr.passerelle.db.ReplicatedTables.ID;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;

import fr.passerelle.db.ReplicatedTables;
import fr.passerelle.db.ReplicatedWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Erasure as tombstones written through {@link ReplicatedWriter}: they replicate like any change,
 * to the offices of the organisation and — tombstones always may (ADR 0063) — to every partner
 * organisation that received the rows. Which rows are about a person is {@link PersonData}'s
 * answer, so a table added there is erased here too. A person another organisation follows cannot
 * be erased here: the writer's guard refuses it ({@link ConsentGuard}) and the caller's transaction
 * rolls back.
 */
public final class PersonErasure {
  private final ReplicatedWriter writer;

  public PersonErasure(ReplicatedWriter writer) {
    this.writer = writer;
  }

  /**
   * Tombstones every live row about {@code person} — list entries, participations, training paths
   * and their events, criteria, occupations, conflict records, the consent and the candidate —
   * inside {@code tx}. Returns the rows tombstoned per table (lower-case names), in order.
   */
  public Map<String, Integer> erasePerson(DSLContext tx, UUID person) {
    // every row is found before any is erased: a training event names its person through its path
    List<Map.Entry<Table<?>, List<UUID>>> found = new ArrayList<>();
    List<Table<?>> tables = new ArrayList<>(ReplicatedTables.ALL);
    java.util.Collections.reverse(tables); // children before parents, the candidate last
    for (Table<?> t : tables) {
      if (PersonData.isConsent(t) || t.getName().equalsIgnoreCase(CANDIDATE.getName())) {
        continue;
      }
      if (PersonData.isAboutPerson(t)) {
        found.add(Map.entry(t, liveIds(tx, t, PersonData.person(t), person)));
      }
    }
    found.add(
        Map.entry(CANDIDATE_CONSENT, liveIds(tx, CANDIDATE_CONSENT, CANDIDATE_CONSENT.ID, person)));
    found.add(Map.entry(CANDIDATE, liveIds(tx, CANDIDATE, CANDIDATE.ID, person)));
    Map<String, Integer> erased = new LinkedHashMap<>();
    for (var e : found) {
      int n = 0;
      for (UUID id : e.getValue()) {
        if (writer.delete(tx, e.getKey(), id)) {
          n++;
        }
      }
      if (n > 0) {
        erased.merge(e.getKey().getName().toLowerCase(), n, Integer::sum);
      }
    }
    return erased;
  }

  /**
   * Tombstones one row of {@code table} and the rows that name their person through it (a training
   * path's events). Returns how many rows were tombstoned (0 if it was already).
   */
  public int eraseRow(DSLContext tx, Table<?> table, UUID id) {
    int n = 0;
    for (var child : PersonData.children(table).entrySet()) {
      for (UUID c : liveIds(tx, child.getKey(), child.getValue(), id)) {
        if (writer.delete(tx, child.getKey(), c)) {
          n++;
        }
      }
    }
    return writer.delete(tx, table, id) ? n + 1 : n;
  }

  /**
   * Why tombstoning this row (or, for a candidate, this person) would be refused here, if it would:
   * a person another organisation follows is erased by that organisation, whose tombstones reach
   * this office.
   */
  public java.util.Optional<fr.passerelle.core.UserFacingException> refusal(
      DSLContext tx, Table<?> table, UUID id) {
    return writer.refusal(tx, table, id, true);
  }

  private static List<UUID> liveIds(DSLContext tx, Table<?> t, Field<UUID> by, UUID value) {
    return tx.select(col(t, ID))
        .from(t)
        .where(by.eq(value))
        .and(col(t, DELETED).isFalse())
        .orderBy(col(t, ID))
        .fetch(col(t, ID));
  }
}
