package fr.passerelle.sync;

import static fr.passerelle.db.ReplicatedTables.ID;
import static fr.passerelle.db.ReplicatedTables.col;
import static fr.passerelle.db.jooq.Tables.CANDIDATE;
import static fr.passerelle.db.jooq.Tables.CANDIDATE_CONSENT;
import static fr.passerelle.db.jooq.Tables.OFFICE;
import static fr.passerelle.db.jooq.Tables.REPLICA;

import fr.passerelle.core.UserFacingException;
import fr.passerelle.db.ReplicatedWriter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The receiver's consent rule (docs/architecture.md, Organisations and consent) applied to local
 * writes: an office holding a person another organisation owns may not record about them what that
 * person's consent does not let it hold — typically a disability (RQTH) without the sensitive-data
 * consent. Without this, the office would keep the row while every other office of its organisation
 * erased it on import, and the organisation's copies would never agree. Nor may it record that
 * person's consent or delete their file: only the organisation that follows the person does (ADR
 * 0063, 0085), whatever the path — form, CSV or XLSX import, merge.
 */
public final class ConsentGuard implements ReplicatedWriter.WriteGuard {

  @Override
  public Optional<UserFacingException> refusal(
      DSLContext tx, Table<?> table, UUID id, boolean delete) {
    boolean consent = PersonData.isConsent(table);
    if (!consent && !(delete && table.getName().equalsIgnoreCase(CANDIDATE.getName()))) {
      return Optional.empty();
    }
    String own = ownOrganisation(tx);
    if (own == null) {
      return Optional.empty();
    }
    Ownership.Holder h =
        new Ownership(tx, own, r -> Directory.organisationOf(tx, r)).of(List.of(id)).get(id);
    if (h == null || h.organisation().equals(own)) {
      return Optional.empty();
    }
    String holder = h.organisation();
    return Optional.of(
        !delete
            ? new UserFacingException(
                    2,
                    "Not saved: this person is followed by "
                        + holder
                        + "; only "
                        + holder
                        + " records their consent.")
                .keyed("sync.guard.consent", holder)
            : new UserFacingException(
                    2,
                    "Not deleted: this person is followed by "
                        + holder
                        + "; only "
                        + holder
                        + " may delete their file.")
                .keyed("sync.guard.delete", holder));
  }

  private static String ownOrganisation(DSLContext tx) {
    return tx.select(OFFICE.ORGANISATION)
        .from(REPLICA)
        .join(OFFICE)
        .on(OFFICE.ID.eq(REPLICA.OFFICE_ID))
        .where(REPLICA.IS_CURRENT.isTrue())
        .fetchOne(OFFICE.ORGANISATION);
  }

  @Override
  public void check(DSLContext tx, Table<?> table, UUID id) {
    if (!PersonData.isAboutPerson(table) || PersonData.isConflict(table)) {
      return;
    }
    String own = ownOrganisation(tx);
    if (own == null
        || !tx.fetchExists(
            DSL.selectOne()
                .from(table)
                .where(col(table, ID).eq(id))
                .and(PersonData.forbiddenHere(table, own)))) {
      return;
    }
    UUID person =
        tx.select(PersonData.person(table))
            .from(table)
            .where(col(table, ID).eq(id))
            .fetchOne(0, UUID.class);
    String owner =
        tx.select(CANDIDATE_CONSENT.DOT_REPLICA)
            .from(CANDIDATE_CONSENT)
            .where(CANDIDATE_CONSENT.ID.eq(person))
            .fetchOptional(0, UUID.class)
            .flatMap(r -> Directory.organisationOf(tx, r))
            .orElse("a partner organisation");
    boolean sensitive =
        tx.fetchExists(
            DSL.selectOne()
                .from(table)
                .where(col(table, ID).eq(id))
                .and(PersonData.sensitive(table)));
    throw new UserFacingException(
            2,
            sensitive
                ? "Not saved: this person is followed by "
                    + owner
                    + " and has not consented to share health data (RQTH, AAH) with partners;"
                    + " this office may not record it."
                : "Not saved: this person is followed by "
                    + owner
                    + " and has not consented to share their data with partners.")
        .keyed(sensitive ? "sync.guard.sensitive" : "sync.guard.share", owner);
  }
}
