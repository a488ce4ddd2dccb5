package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.ui.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The detail form's personal-data section: the priority criteria (held, since, proof seen) and the
 * two dated consents (sharing with partner offices, sensitive data such as RQTH).
 */
final class CriteriaConsentSection {
  private final Messages msg;
  private final List<CriterionRow> criteria =
      Arrays.stream(PriorityCriterion.values()).map(CriterionRow::new).toList();
  private final BooleanProperty consentShare = new SimpleBooleanProperty();
  private final BooleanProperty consentSensitive = new SimpleBooleanProperty();
  private final StringProperty consentInfo = new SimpleStringProperty("");
  private CandidateDetail.Consent loaded;

  CriteriaConsentSection(Messages msg) {
    this.msg = msg;
    // sharing sensitive data is agreed "also": withdrawing the sharing withdraws it too
    consentShare.addListener(
        (o, was, now) -> {
          if (!now) {
            consentSensitive.set(false);
          }
        });
    consentShare.addListener(o -> consentInfo.set(consentText()));
    consentSensitive.addListener(o -> consentInfo.set(consentText()));
  }

  /** Every editable value of the section, to mark the form dirty. */
  List<Observable> editables() {
    List<Observable> all = new ArrayList<>(List.of(consentShare, consentSensitive));
    for (CriterionRow r : criteria) {
      all.addAll(List.of(r.held(), r.since(), r.proofSeen(), r.proofSeenOn()));
    }
    return all;
  }

  void load(CandidateDetail d) {
    for (CriterionRow r : criteria) {
      r.load(d.criteria().stream().filter(c -> c.kind() == r.kind()).findFirst().orElse(null));
    }
    loaded = null; // the ticks below are the file's, not an edit
    consentShare.set(d.consent().share());
    consentSensitive.set(d.consent().sensitiveAgreed());
    loaded = d.consent();
    consentInfo.set(consentText());
  }

  /**
   * Takes the colleague's value of {@code key} (a {@link CandidateConflict} key: the criteria that
   * are not sensitive, or one of the consents) from {@code theirs}.
   */
  void take(String key, CandidateDetail theirs) {
    switch (key) {
      case CandidateConflict.CRITERIA -> {
        for (CriterionRow r : criteria) {
          if (!r.kind().sensitive()) {
            r.load(
                theirs.criteria().stream()
                    .filter(c -> c.kind() == r.kind())
                    .findFirst()
                    .orElse(null));
          }
        }
      }
      case CandidateConflict.CONSENT_SHARE -> consentShare.set(theirs.consent().share());
      case CandidateConflict.CONSENT_SENSITIVE ->
          consentSensitive.set(theirs.consent().sensitiveAgreed());
      default -> throw new IllegalArgumentException("no field " + key);
    }
  }

  /** Fills the sensitive criteria once shown (they were left out of the file as loaded). */
  void loadSensitive(List<CandidateDetail.Criterion> shown) {
    for (CriterionRow r : criteria) {
      if (r.kind().sensitive()) {
        r.load(shown.stream().filter(c -> c.kind() == r.kind()).findFirst().orElse(null));
      }
    }
  }

  /**
   * What the consent section says under its ticks: the consent as recorded (given, with its dates;
   * refused or withdrawn, with the date of that record), or that a changed tick is recorded, dated
   * and named, when the file is saved.
   */
  private String consentText() {
    CandidateDetail.Consent c = loaded;
    if (c == null) {
      return "";
    }
    if (consentShare.get() != c.share() || consentSensitive.get() != c.sensitiveAgreed()) {
      return msg.get("candidates.consent.pending");
    }
    if (c.shareAt() == null) {
      return msg.get("candidates.consent.never");
    }
    java.util.Date shareAt = java.util.Date.from(c.shareAt().toInstant());
    if (!c.share()) {
      return msg.get("candidates.consent.refused", shareAt);
    }
    // without a sensitive-data consent, a sentence of its own: "" cannot be formatted as a date
    // (the file did not open at all: #19, seen at 1366×768 on demo data)
    if (!c.sensitiveAgreed() || c.sensitiveAt() == null) {
      return msg.get("candidates.consent.recordedShareOnly", shareAt);
    }
    return msg.get(
        "candidates.consent.recorded", shareAt, java.util.Date.from(c.sensitiveAt().toInstant()));
  }

  /** The criteria held, as of {@code today} when no date was given. */
  List<CandidateDetail.Criterion> toCriteria(LocalDate today) {
    List<CandidateDetail.Criterion> crit = new ArrayList<>();
    for (CriterionRow r : criteria) {
      CandidateDetail.Criterion c = r.toCriterion(today);
      if (c != null) {
        crit.add(c);
      }
    }
    return crit;
  }

  /** The consent as edited, keeping the dates and recorder of {@code base}'s. */
  CandidateDetail.Consent toConsent(CandidateDetail.Consent base) {
    return new CandidateDetail.Consent(
        consentShare.get(),
        base.shareAt(),
        consentSensitive.get(),
        base.sensitiveAt(),
        base.recordedBy());
  }

  /** True when {@code loaded}'s consent was given and the form now withdraws it. */
  boolean withdraws(CandidateDetail loaded) {
    return loaded != null
        && (loaded.consent().share() && !consentShare.get()
            || loaded.consent().sensitive() && !consentSensitive.get());
  }

  List<CriterionRow> criteria() {
    return criteria;
  }

  BooleanProperty consentShare() {
    return consentShare;
  }

  BooleanProperty consentSensitive() {
    return consentSensitive;
  }

  StringProperty consentInfo() {
    return consentInfo;
  }
}
