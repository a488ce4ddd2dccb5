package fr.passerelle.candidates;

import static fr.passerelle.candidates.CandidateColumns.*;

import fr.passerelle.tabular.Cells;
import fr.passerelle.tabular.Wording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads one file row into a {@link CandidateDetail}, over the stored one for an update. */
final class CandidateRowReader {
  private CandidateRowReader() {}

  static CandidateDetail read(Cells c, Map<UUID, CandidateDetail> existing, ReferenceLookup ref) {
    CandidateDetail base = CandidateDetail.blank();
    String idText = c.text(ID);
    if (!idText.isEmpty()) {
      UUID id;
      try {
        id = UUID.fromString(idText);
      } catch (IllegalArgumentException e) {
        c.error(
            ID,
            "\"" + idText + "\" is not a candidate id",
            Wording.of("import.error.candidates.badId", idText));
        return null;
      }
      base = existing.get(id);
      if (base == null) {
        c.error(
            ID,
            "no candidate with id " + idText + " in this database",
            Wording.of("import.error.candidates.noSuchId", idText));
        return null;
      }
    } else if (!c.has(LAST_NAME) || !c.has(FIRST_NAME)) {
      c.error(
          LAST_NAME,
          "a new candidate needs the columns last_name and first_name",
          Wording.of("import.error.candidates.namesNeeded"));
      return null;
    }
    String commune = base.communeCode();
    if (c.has(COMMUNE)) {
      String t = c.text(COMMUNE);
      commune = null;
      if (t.matches("\\d{4}") && ref.commune("0" + t).isPresent()) {
        c.corrected(
            COMMUNE,
            t,
            "0" + t,
            "leading zero restored (a spreadsheet dropped it)",
            Wording.of("import.corrected.leadingZero"));
        t = "0" + t;
      }
      if (!t.isEmpty()) {
        commune = CommuneCells.read(ref, c, COMMUNE, t, "import.error.candidates.").orElse(commune);
      }
    }
    CandidateStatus status = base.status();
    if (c.has(STATUS) && !c.text(STATUS).isEmpty()) {
      status = CandidateStatus.fromFile(c.text(STATUS)).orElse(null);
      if (status == null) {
        c.error(
            STATUS,
            "unknown status (ACTIVE, IN_TRAINING, EMPLOYED, INACTIVE, or En recherche, En"
                + " formation, En emploi, Inactif)",
            Wording.of("import.error.candidates.status", c.text(STATUS)));
      }
    }
    Civility civility = base.civility();
    if (c.has(CIVILITY)) {
      String t = c.text(CIVILITY);
      civility = Civility.parse(t).orElse(null);
      if (civility == null && !t.isEmpty()) {
        c.error(
            CIVILITY,
            "\"" + t + "\" is not a civility (Madame, Monsieur, Mme, M.)",
            Wording.of("import.error.candidates.civility", t));
      }
    }
    String ftId = c.has(FT_IDENTIFIER) ? c.text(FT_IDENTIFIER) : base.franceTravailId();
    CandidateDetail.Consent consent = base.consent();
    boolean share = consent.share();
    boolean sensitive = consent.sensitive();
    if (c.has(CONSENT_SHARE)) {
      share = Boolean.TRUE.equals(c.bool(CONSENT_SHARE));
    }
    if (c.has(CONSENT_SENSITIVE)) {
      sensitive = Boolean.TRUE.equals(c.bool(CONSENT_SENSITIVE));
    }
    return new CandidateDetail(
        base.id(),
        base.officeId(),
        str(c, LAST_NAME, base.lastName()),
        str(c, FIRST_NAME, base.firstName()),
        c.has(BIRTH_DATE) ? c.date(BIRTH_DATE) : base.birthDate(),
        str(c, EMAIL, base.email()),
        phone(c, base.phone()),
        str(c, ADDRESS, base.address()),
        commune,
        null,
        c.has(MOBILITY_KM) ? c.integer(MOBILITY_KM) : base.mobilityKm(),
        c.has(DRIVING_LICENCE) ? c.bool(DRIVING_LICENCE) : base.drivingLicence(),
        c.has(AVAILABLE_FROM) ? c.date(AVAILABLE_FROM) : base.availableFrom(),
        status,
        c.has(REGISTERED_ON) ? c.date(REGISTERED_ON) : base.registeredOn(),
        str(c, NOTES, base.notes()),
        c.has(OCCUPATIONS) ? occupations(c, ref) : base.occupations(),
        c.has(CRITERIA) ? criteria(c) : base.criteria(),
        new CandidateDetail.Consent(
            share, consent.shareAt(), sensitive, consent.sensitiveAt(), consent.recordedBy()),
        civility,
        ftId,
        null);
  }

  /** The phone, with the leading 0 a spreadsheet dropped put back (and said so). */
  private static String phone(Cells c, String fallback) {
    if (!c.has(PHONE)) {
      return fallback;
    }
    String t = c.text(PHONE);
    return FrenchPhone.restoreLeadingZero(t)
        .map(
            fixed -> {
              c.corrected(
                  PHONE,
                  t,
                  fixed,
                  "leading zero restored (a spreadsheet dropped it)",
                  Wording.of("import.corrected.leadingZero"));
              return fixed;
            })
        .orElse(t);
  }

  private static String str(Cells c, String column, String fallback) {
    return c.has(column) ? c.text(column) : fallback;
  }

  /** "N1103:3 | F1703" → target occupations with years of experience. */
  static List<CandidateDetail.TargetOccupation> occupations(Cells c, ReferenceLookup ref) {
    List<CandidateDetail.TargetOccupation> out = new ArrayList<>();
    for (String part : c.text(OCCUPATIONS).split("\\|")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      String[] kv = p.split(":", -1);
      String code = kv[0].trim().toUpperCase(java.util.Locale.ROOT);
      if (ref.occupation(code).isEmpty()) {
        c.error(
            OCCUPATIONS,
            "unknown ROME code \"" + kv[0].trim() + "\"",
            Wording.of("import.error.candidates.rome", kv[0].trim()));
        continue;
      }
      Integer years = kv.length > 1 ? c.integer(OCCUPATIONS, kv[1].trim()) : null;
      out.add(new CandidateDetail.TargetOccupation(code, null, years));
    }
    return out;
  }

  /** "RQTH:2024-01-15:2024-02-01 | RSA" → kind, since, proof seen on. */
  static List<CandidateDetail.Criterion> criteria(Cells c) {
    List<CandidateDetail.Criterion> out = new ArrayList<>();
    for (String part : c.text(CRITERIA).split("\\|")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      String[] kv = p.split(":", -1);
      var kind = PriorityCriterion.parse(kv[0]);
      if (kind.isEmpty()) {
        c.error(
            CRITERIA,
            "unknown priority criterion \"" + kv[0].trim() + "\"",
            Wording.of("import.error.candidates.criterion", kv[0].trim()));
        continue;
      }
      LocalDate since = kv.length > 1 ? c.date(CRITERIA, kv[1].trim()) : null;
      LocalDate proof = kv.length > 2 ? c.date(CRITERIA, kv[2].trim()) : null;
      out.add(new CandidateDetail.Criterion(kind.get(), since, proof != null, proof));
    }
    return out;
  }
}
