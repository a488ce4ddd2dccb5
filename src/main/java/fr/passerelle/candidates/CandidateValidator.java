package fr.passerelle.candidates;

import fr.passerelle.candidates.FieldError.Code;
import fr.passerelle.core.ControlCharacters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules a candidate must satisfy before it is saved, from the form or from a file. */
public final class CandidateValidator {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s;,]+@[^@\\s;,]+\\.[^@\\s;,]{2,}$");
  private static final LocalDate OLDEST = LocalDate.of(1900, 1, 1);
  private final ReferenceLookup ref;

  public CandidateValidator(ReferenceLookup ref) {
    this.ref = ref;
  }

  public List<FieldError> validate(CandidateDetail d, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    if (blank(d.lastName())) {
      errors.add(new FieldError("last_name", Code.REQUIRED, "the last name is required"));
    }
    if (blank(d.firstName())) {
      errors.add(new FieldError("first_name", Code.REQUIRED, "the first name is required"));
    }
    if (d.birthDate() != null) {
      if (d.birthDate().isAfter(today.minusYears(14))) {
        errors.add(
            new FieldError(
                "birth_date",
                Code.FUTURE_DATE,
                "birth date " + d.birthDate() + " is impossible (under 14 years old)"));
      } else if (d.birthDate().isBefore(OLDEST)) {
        errors.add(
            new FieldError(
                "birth_date", Code.BAD_DATE, "birth date " + d.birthDate() + " is before 1900"));
      }
    }
    if (!blank(d.email()) && !EMAIL.matcher(d.email().trim()).matches()) {
      errors.add(
          new FieldError(
              "email", Code.BAD_EMAIL, "\"" + d.email() + "\" is not an e-mail address"));
    }
    if (!blank(d.phone()) && !FrenchPhone.isValid(d.phone())) {
      errors.add(
          new FieldError(
              "phone",
              Code.BAD_PHONE,
              "\""
                  + d.phone()
                  + "\" is not a phone number (10 digits starting with 0, +33 6…, or + and the"
                  + " country code for a number abroad)"));
    }
    if (!FranceTravailId.isValid(d.franceTravailId())) {
      errors.add(
          new FieldError(
              "ft_identifier",
              Code.BAD_FRANCE_TRAVAIL_ID,
              "\""
                  + d.franceTravailId()
                  + "\" is not a France Travail identifier (7 digits and a letter, e.g. 1234567A)"));
    }
    textFields(d, errors);
    if (!blank(d.communeCode()) && ref.commune(d.communeCode()).isEmpty()) {
      errors.add(
          new FieldError(
              "commune", Code.UNKNOWN_COMMUNE, "unknown commune \"" + d.communeCode() + "\""));
    }
    if (d.mobilityKm() != null && d.mobilityKm() < 0) {
      errors.add(
          new FieldError("mobility_km", Code.NEGATIVE, "the mobility radius cannot be below zero"));
    } else if (d.mobilityKm() != null && d.mobilityKm() > 1000) {
      errors.add(
          new FieldError("mobility_km", Code.TOO_LARGE, "the mobility radius is over 1,000 km"));
    }
    if (d.availableFrom() != null
        && (d.availableFrom().isBefore(OLDEST) || d.availableFrom().isAfter(today.plusYears(5)))) {
      errors.add(
          new FieldError(
              "available_from",
              Code.BAD_DATE,
              "availability date " + d.availableFrom() + " is not plausible"));
    }
    if (d.status() == null) {
      errors.add(new FieldError("status", Code.REQUIRED, "the status is required"));
    }
    occupations(d, errors);
    criteria(d, today, errors);
    return errors;
  }

  /** Control characters (NUL, BEL, ESC…) have no place in a name, an address or a note. */
  private static void textFields(CandidateDetail d, List<FieldError> errors) {
    String[][] fields = {
      {"last_name", d.lastName()},
      {"first_name", d.firstName()},
      {"email", d.email()},
      {"phone", d.phone()},
      {"address", d.address()},
      {"notes", d.notes()}
    };
    for (String[] f : fields) {
      boolean multiLine = f[0].equals("notes") || f[0].equals("address");
      String c = ControlCharacters.first(f[1], multiLine);
      if (c != null) {
        errors.add(
            new FieldError(
                f[0],
                Code.CONTROL_CHARACTER,
                "contains a control character (" + c + "): remove it"));
      }
    }
  }

  private void occupations(CandidateDetail d, List<FieldError> errors) {
    Set<String> seen = new HashSet<>();
    for (CandidateDetail.TargetOccupation o : d.occupations()) {
      if (ref.occupation(o.romeCode()).isEmpty()) {
        errors.add(
            new FieldError(
                "occupations",
                Code.UNKNOWN_OCCUPATION,
                "unknown ROME code \"" + o.romeCode() + "\""));
      } else if (!seen.add(o.romeCode().trim().toUpperCase(java.util.Locale.ROOT))) {
        errors.add(
            new FieldError("occupations", Code.DUPLICATE_ENTRY, o.romeCode() + " is listed twice"));
      }
      if (o.experienceYears() != null && o.experienceYears() < 0) {
        errors.add(
            new FieldError(
                "occupations", Code.NEGATIVE, "experience in " + o.romeCode() + " is below zero"));
      } else if (o.experienceYears() != null && o.experienceYears() > 60) {
        errors.add(
            new FieldError(
                "occupations",
                Code.TOO_LARGE,
                "experience in " + o.romeCode() + " is over 60 years"));
      }
    }
  }

  private static void criteria(CandidateDetail d, LocalDate today, List<FieldError> errors) {
    Set<PriorityCriterion> seen = new HashSet<>();
    for (CandidateDetail.Criterion c : d.criteria()) {
      if (c.kind() == null) {
        errors.add(new FieldError("criteria", Code.REQUIRED, "a criterion has no kind"));
        continue;
      }
      if (!seen.add(c.kind())) {
        errors.add(new FieldError("criteria", Code.DUPLICATE_ENTRY, c.kind() + " is listed twice"));
      }
      if (c.since() != null && c.since().isAfter(today)) {
        errors.add(
            new FieldError(
                "criteria",
                Code.FUTURE_DATE,
                c.kind() + ": the date " + c.since() + " is in the future"));
      }
      if (c.proofSeenOn() != null && c.proofSeenOn().isAfter(today)) {
        errors.add(
            new FieldError(
                "criteria",
                Code.FUTURE_DATE,
                c.kind() + ": proof seen on " + c.proofSeenOn() + " is in the future"));
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
