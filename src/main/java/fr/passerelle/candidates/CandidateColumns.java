package fr.passerelle.candidates;

import fr.passerelle.tabular.FileColumns;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The columns of the candidates file (export header = import columns); see docs/candidates.md. */
final class CandidateColumns {
  static final String ID = "id";
  static final String LAST_NAME = "last_name";
  static final String FIRST_NAME = "first_name";
  static final String BIRTH_DATE = "birth_date";
  static final String CIVILITY = "civility";
  static final String FT_IDENTIFIER = "ft_identifier";
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
          CIVILITY,
          FT_IDENTIFIER,
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

  /**
   * The French header of each column, as the export writes it; the import accepts it or the code
   * (accents, case and punctuation ignored: "Prénom", "prenom" and "first_name" are one column).
   */
  static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry(ID, "identifiant"),
          Map.entry(LAST_NAME, "nom"),
          Map.entry(FIRST_NAME, "prénom"),
          Map.entry(BIRTH_DATE, "date de naissance"),
          Map.entry(CIVILITY, "civilité"),
          Map.entry(FT_IDENTIFIER, "identifiant France Travail"),
          Map.entry(EMAIL, "e-mail"),
          Map.entry(PHONE, "téléphone"),
          Map.entry(ADDRESS, "adresse"),
          Map.entry(COMMUNE, "commune (code INSEE)"),
          Map.entry(COMMUNE_NAME, "nom de la commune"),
          Map.entry(MOBILITY_KM, "mobilité (km)"),
          Map.entry(DRIVING_LICENCE, "permis de conduire"),
          Map.entry(AVAILABLE_FROM, "disponible le"),
          Map.entry(STATUS, "statut"),
          Map.entry(REGISTERED_ON, "inscrit le"),
          Map.entry(OCCUPATIONS, "métiers (ROME)"),
          Map.entry(CRITERIA, "publics prioritaires"),
          Map.entry(CONSENT_SHARE, "consentement au partage"),
          Map.entry(CONSENT_SENSITIVE, "consentement données sensibles"),
          Map.entry(NOTES, "notes"));

  /** The size of each column's database field (V1__schema.sql); others take 4,000. */
  static final Map<String, Integer> MAX_LENGTH =
      Map.ofEntries(
          Map.entry(ID, 36),
          Map.entry(LAST_NAME, 100),
          Map.entry(FIRST_NAME, 100),
          Map.entry(BIRTH_DATE, 30),
          Map.entry(CIVILITY, 30),
          Map.entry(FT_IDENTIFIER, 30),
          Map.entry(EMAIL, 255),
          Map.entry(PHONE, 40),
          Map.entry(ADDRESS, 500),
          Map.entry(COMMUNE, 255),
          Map.entry(COMMUNE_NAME, 255),
          Map.entry(MOBILITY_KM, 30),
          Map.entry(DRIVING_LICENCE, 30),
          Map.entry(AVAILABLE_FROM, 30),
          Map.entry(STATUS, 32),
          Map.entry(REGISTERED_ON, 30),
          Map.entry(CONSENT_SHARE, 30),
          Map.entry(CONSENT_SENSITIVE, 30),
          Map.entry(NOTES, 4000));

  /** A new row needs its names; an update ({@code id}) may carry only the columns it changes. */
  static final Set<String> REQUIRED = Set.of();

  /** The whole column set, as the tabular import and export take it. */
  static final FileColumns FILE = new FileColumns(ALL, LABELS, MAX_LENGTH, REQUIRED);

  private CandidateColumns() {}
}
