package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.CHANGE_SEQ;
import static fr.passerelle.db.ReplicatedTables.DELETED;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.PERSON_DISCLOSURE;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;

/**
 * Which organisation received data about which person, and when: written at each sync export to
 * another organisation (table {@code person_disclosure}), read for a person's subject-access
 * request. Tombstones are not disclosures (they carry no data).
 */
public final class Disclosures {
  /** One organisation that received rows about a person: its first and last file, how many. */
  public record Disclosure(
      String organisation, OffsetDateTime firstAt, OffsetDateTime lastAt, int files) {}

  private Disclosures() {}

  /**
   * Records the persons whose rows the file to {@code to} carried: the rows {@code plan} selected,
   * up to the file's change sequence {@code toSeq}, that are not tombstones.
   */
  static int record(DSLContext tx, ExportPlan plan, long toSeq, String to, OffsetDateTime at) {
    if (plan.sameOrganisation()) {
      return 0;
    }
    Set<UUID> persons = new HashSet<>();
    for (Table<?> t : ExportPlan.tableOrder()) {
      boolean consent = PersonData.isConsent(t);
      if (!consent && !PersonData.isAboutPerson(t)) {
        continue;
      }
      var rows = plan.rows(t);
      if (rows.isEmpty()) {
        continue;
      }
      Field<UUID> person = consent ? CANDIDATE_CONSENT.ID : PersonData.person(t);
      Condition sent = rows.get().and(col(t, CHANGE_SEQ).le(toSeq)).and(col(t, DELETED).isFalse());
      tx.selectDistinct(person)
          .from(t)
          .where(sent)
          .and(person.isNotNull())
          .fetch(person)
          .forEach(persons::add);
    }
    List<Query> merges = new ArrayList<>();
    for (UUID p : persons) {
      merges.add(
          tx.mergeInto(PERSON_DISCLOSURE)
              .using(tx.selectOne())
              .on(PERSON_DISCLOSURE.PERSON_ID.eq(p))
              .and(PERSON_DISCLOSURE.ORGANISATION.eq(to))
              .whenMatchedThenUpdate()
              .set(PERSON_DISCLOSURE.LAST_AT, at)
              .set(PERSON_DISCLOSURE.FILES, PERSON_DISCLOSURE.FILES.plus(1))
              .whenNotMatchedThenInsert(
                  PERSON_DISCLOSURE.PERSON_ID,
                  PERSON_DISCLOSURE.ORGANISATION,
                  PERSON_DISCLOSURE.FIRST_AT,
                  PERSON_DISCLOSURE.LAST_AT,
                  PERSON_DISCLOSURE.FILES)
              .values(p, to, at, at, 1));
      if (merges.size() == 1000) {
        tx.batch(merges).execute();
        merges.clear();
      }
    }
    if (!merges.isEmpty()) {
      tx.batch(merges).execute();
    }
    return persons.size();
  }

  /** The organisations that received data about {@code person}, first received first. */
  public static List<Disclosure> of(DSLContext ctx, UUID person) {
    return ctx.selectFrom(PERSON_DISCLOSURE)
        .where(PERSON_DISCLOSURE.PERSON_ID.eq(person))
        .orderBy(PERSON_DISCLOSURE.FIRST_AT, PERSON_DISCLOSURE.ORGANISATION)
        .fetch(
            r -> new Disclosure(r.getOrganisation(), r.getFirstAt(), r.getLastAt(), r.getFiles()));
  }
}
