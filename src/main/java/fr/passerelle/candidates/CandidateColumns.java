package fr.passerelle.candidates;

import java.util.List;
import java.util.Set;

/** The columns of the candidates file (export header = import columns); see docs/candidates.md. */
final class CandidateColumns {
  static final String ID = "id";
  static final String LAST_NAME = "last_name";
  static final String FIRST_NAME = "first_name";
  static final String BIRTH_DATE = "birth_date";
  static final String EMAIL = "email";
  static final String PHONE = "phone";
  static final String ADDRESS = "address";
  static final String COMMUNE = "commune";
  static final String COMMUNE_NAME = "commune_name";
  static final String MOBILITY_KM = "mobility_km";
  static final String DRIVING_LICENCE = "driving_licence";
  static final String AVAILABLE_FROM = "available_from";
  static final String STATUS = "status";
  static final String REGISTERED_ON = "registered_on";
  static final String OCCUPATIONS = "occupations";
  static final String CRITERIA = "criteria";
  static final String CONSENT_SHARE = "consent_share";
  static final String CONSENT_SENSITIVE = "consent_sensitive";
  static final String NOTES = "notes";

  static final List<String> ALL =
      List.of(
          ID,
          LAST_NAME,
          FIRST_NAME,
          BIRTH_DATE,
          EMAIL,
          PHONE,
          ADDRESS,
          COMMUNE,
          COMMUNE_NAME,
          MOBILITY_KM,
          DRIVING_LICENCE,
          AVAILABLE_FROM,
          STATUS,
          REGISTERED_ON,
          OCCUPATIONS,
          CRITERIA,
          CONSENT_SHARE,
          CONSENT_SENSITIVE,
          NOTES);

  /** A new row needs its names; an update ({@code id}) may carry only the columns it changes. */
  static final Set<String> REQUIRED = Set.of();

  private CandidateColumns() {}
}
