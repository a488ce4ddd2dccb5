package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.ui.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A save refused because a colleague saved the file meanwhile (ADR 0177): what the form holds
 * ({@code mine}, kept until the counselor chooses) and the file as now stored ({@code theirs}, with
 * its version). {@link #differences} lists the fields that differ, in the form's order, as the
 * comparison shows them side by side.
 */
public record CandidateConflict(String text, CandidateDetail mine, CandidateDetail theirs) {
  /** The form's fields the comparison knows, by their label key. */
  public static final String LAST_NAME = "candidates.field.lastName";

  public static final String FIRST_NAME = "candidates.field.firstName";
  public static final String BIRTH_DATE = "candidates.field.birthDate";
  public static final String EMAIL = "candidates.field.email";
  public static final String PHONE = "candidates.field.phone";
  public static final String ADDRESS = "candidates.field.address";
  public static final String COMMUNE = "candidates.field.commune";
  public static final String MOBILITY = "candidates.field.mobilityKm";
  public static final String LICENCE = "candidates.field.drivingLicence";
  public static final String AVAILABLE = "candidates.field.availableFrom";
  public static final String STATUS = "candidates.field.status";
  public static final String OCCUPATIONS = "candidates.field.occupations";
  public static final String CRITERIA = "candidates.section.criteria";
  public static final String CONSENT_SHARE = "candidates.consent.share";
  public static final String CONSENT_SENSITIVE = "candidates.consent.sensitive";
  public static final String NOTES = "candidates.field.notes";

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** One field that differs: its label key, and the two values as shown. */
  public record Difference(String key, String mine, String theirs) {}

  private record Field(String key, Function<CandidateDetail, Object> value) {}

  private static final List<Field> FIELDS =
      List.of(
          new Field(LAST_NAME, CandidateDetail::lastName),
          new Field(FIRST_NAME, CandidateDetail::firstName),
          new Field(BIRTH_DATE, CandidateDetail::birthDate),
          new Field(EMAIL, CandidateDetail::email),
          new Field(PHONE, CandidateDetail::phone),
          new Field(ADDRESS, CandidateDetail::address),
          new Field(COMMUNE, CandidateDetail::communeCode),
          new Field(MOBILITY, CandidateDetail::mobilityKm),
          new Field(LICENCE, CandidateDetail::drivingLicence),
          new Field(AVAILABLE, CandidateDetail::availableFrom),
          new Field(STATUS, CandidateDetail::status),
          new Field(
              OCCUPATIONS,
              d ->
                  d.occupations().stream()
                      .map(o -> o.romeCode() + " (" + nz(o.experienceYears()) + ")")
                      .sorted()
                      .collect(Collectors.joining(", "))),
          // sensitive criteria are masked in the stored file as read: compared are the others
          new Field(
              CRITERIA,
              d ->
                  d.criteria().stream()
                      .filter(c -> !c.kind().sensitive())
                      .map(c -> c.kind().name() + (c.proofSeen() ? " ✓" : ""))
                      .sorted()
                      .collect(Collectors.joining(", "))),
          new Field(CONSENT_SHARE, d -> d.consent().share()),
          new Field(CONSENT_SENSITIVE, d -> d.consent().sensitive()),
          new Field(NOTES, CandidateDetail::notes));

  /** The fields whose values differ between the form and the stored file, in the form's order. */
  public List<Difference> differences(Messages msg) {
    return FIELDS.stream()
        .filter(f -> !shown(f.value().apply(mine), msg).equals(shown(f.value().apply(theirs), msg)))
        .map(
            f ->
                new Difference(
                    f.key(),
                    shown(f.value().apply(mine), msg),
                    shown(f.value().apply(theirs), msg)))
        .toList();
  }

  private static String shown(Object v, Messages msg) {
    if (v == null) {
      return "";
    }
    if (v instanceof LocalDate d) {
      return DAY.format(d);
    }
    if (v instanceof Boolean b) {
      return msg.get(b ? "common.yes" : "common.no");
    }
    if (v instanceof fr.passerelle.candidates.CandidateStatus s) {
      return msg.get("candidates.status." + s.name());
    }
    return v.toString().trim();
  }

  private static String nz(Object o) {
    return Objects.toString(o, "0");
  }
}
