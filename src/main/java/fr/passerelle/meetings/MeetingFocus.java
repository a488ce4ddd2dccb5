package fr.passerelle.meetings;

import static fr.passerelle.db.jooq.Tables.COMMUNE;
import static fr.passerelle.db.jooq.Tables.EMPLOYER;
import static fr.passerelle.db.jooq.Tables.JOB_OFFER;
import static fr.passerelle.db.jooq.Tables.OCCUPATION;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * What a meeting is about: its focus occupation (a ROME code of the reference) and the job offer it
 * serves, if any. The form reads the occupation's label and the open offers of that occupation to
 * choose from; the service refuses a code the reference does not know.
 */
public final class MeetingFocus {
  /** How many offers the form offers to choose from (the newest open ones). */
  public static final int OFFER_CHOICES = 200;

  private final Database db;

  public MeetingFocus(Database db) {
    this.db = db;
  }

  /** An occupation of the reference and the open offers to choose from. */
  public record Occupation(String romeCode, String label, List<OfferRef> openOffers) {}

  /** The occupation {@code romeCode} (any case) and its newest open offers; empty if unknown. */
  public Optional<Occupation> occupation(String romeCode) {
    if (romeCode == null || romeCode.isBlank()) {
      return Optional.empty();
    }
    String code = romeCode.trim().toUpperCase(Locale.ROOT);
    return db.dsl()
        .select(OCCUPATION.LABEL)
        .from(OCCUPATION)
        .where(OCCUPATION.ROME_CODE.eq(code))
        .fetchOptional(OCCUPATION.LABEL)
        .map(
            label ->
                new Occupation(
                    code,
                    label,
                    offers(
                        JOB_OFFER
                            .ROME_CODE
                            .eq(code)
                            .and(JOB_OFFER.CLOSED_ON.isNull())
                            .and(JOB_OFFER.DELETED.isFalse()))));
  }

  /**
   * Refuses a draft whose focus occupation the reference does not know or whose offer is gone
   * (deleted meanwhile, or never received here).
   */
  void check(DSLContext tx, MeetingDraft draft) {
    String code = draft.romeCode();
    if (code != null
        && !code.isBlank()
        && !tx.fetchExists(
            OCCUPATION, OCCUPATION.ROME_CODE.eq(code.trim().toUpperCase(Locale.ROOT)))) {
      throw InvalidInputException.of(
          "meetings.problem.romeUnknown",
          "Meeting not saved: rome: "
              + code.trim()
              + " is not an occupation of the ROME reference.",
          code.trim());
    }
    if (draft.offerId() != null
        && !tx.fetchExists(
            JOB_OFFER, JOB_OFFER.ID.eq(draft.offerId()).and(JOB_OFFER.DELETED.isFalse()))) {
      throw InvalidInputException.of(
          "meetings.problem.offerGone",
          "Meeting not saved: offer: no offer with id " + draft.offerId() + ".");
    }
  }

  /** The offer {@code id}, open or closed; empty if it is gone. */
  public Optional<OfferRef> offer(UUID id) {
    if (id == null) {
      return Optional.empty();
    }
    return offers(JOB_OFFER.ID.eq(id).and(JOB_OFFER.DELETED.isFalse())).stream().findFirst();
  }

  private List<OfferRef> offers(Condition where) {
    return db.dsl()
        .select(
            JOB_OFFER.ID,
            JOB_OFFER.TITLE,
            EMPLOYER.NAME,
            JOB_OFFER.ROME_CODE,
            COMMUNE.NAME,
            JOB_OFFER.OPENED_ON)
        .from(JOB_OFFER)
        .leftJoin(EMPLOYER)
        .on(EMPLOYER.ID.eq(JOB_OFFER.EMPLOYER_ID))
        .leftJoin(COMMUNE)
        .on(COMMUNE.INSEE_CODE.eq(JOB_OFFER.COMMUNE_CODE))
        .where(where)
        .orderBy(JOB_OFFER.OPENED_ON.desc().nullsLast(), JOB_OFFER.ID)
        .limit(OFFER_CHOICES)
        .fetch(MeetingFocus::toRef);
  }

  private static OfferRef toRef(Record r) {
    return new OfferRef(
        r.get(JOB_OFFER.ID),
        r.get(JOB_OFFER.TITLE),
        r.get(EMPLOYER.NAME),
        r.get(JOB_OFFER.ROME_CODE),
        r.get(COMMUNE.NAME),
        r.get(JOB_OFFER.OPENED_ON));
  }
}
