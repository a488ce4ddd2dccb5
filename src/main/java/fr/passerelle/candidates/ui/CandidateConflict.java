package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.ui.FormConflict;
import fr.passerelle.ui.Messages;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A save refused because a colleague saved the file meanwhile (ADR 0177): what the form holds
 * ({@code mine}, kept until the counselor chooses) and the file as now stored ({@code theirs}, with
 * its version). {@link #differences} lists the fields that differ, in the form's order, as the
 * comparison ({@link fr.passerelle.ui.ConflictDialogs}) shows them side by side.
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

  private static final List<FormConflict.Field<CandidateDetail>> FIELDS =
      List.of(
          new FormConflict.Field<>(LAST_NAME, CandidateDetail::lastName),
          new FormConflict.Field<>(FIRST_NAME, CandidateDetail::firstName),
          new FormConflict.Field<>(BIRTH_DATE, CandidateDetail::birthDate),
          new FormConflict.Field<>(EMAIL, CandidateDetail::email),
          new FormConflict.Field<>(PHONE, CandidateDetail::phone),
          new FormConflict.Field<>(ADDRESS, CandidateDetail::address),
          new FormConflict.Field<>(COMMUNE, CandidateDetail::communeCode),
          new FormConflict.Field<>(MOBILITY, CandidateDetail::mobilityKm),
          new FormConflict.Field<>(LICENCE, CandidateDetail::drivingLicence),
          new FormConflict.Field<>(AVAILABLE, CandidateDetail::availableFrom),
          new FormConflict.Field<>(STATUS, CandidateDetail::status, "candidates.status."),
          new FormConflict.Field<>(
              OCCUPATIONS,
              d ->
                  d.occupations().stream()
                      .map(o -> o.romeCode() + " (" + nz(o.experienceYears()) + ")")
                      .sorted()
                      .collect(Collectors.joining(", "))),
          // sensitive criteria are masked in the stored file as read: compared are the others
          new FormConflict.Field<>(
              CRITERIA,
              d ->
                  d.criteria().stream()
                      .filter(c -> !c.kind().sensitive())
                      .map(c -> c.kind().name() + (c.proofSeen() ? " ✓" : ""))
                      .sorted()
                      .collect(Collectors.joining(", "))),
          new FormConflict.Field<>(CONSENT_SHARE, d -> d.consent().share()),
          new FormConflict.Field<>(CONSENT_SENSITIVE, d -> d.consent().sensitive()),
          new FormConflict.Field<>(NOTES, CandidateDetail::notes));

  /** The fields whose values differ between the form and the stored file, in the form's order. */
  public List<FormConflict.Difference> differences(Messages msg) {
    return new FormConflict<>(text, mine, theirs).differences(FIELDS, msg);
  }

  private static String nz(Object o) {
    return Objects.toString(o, "0");
  }
}
