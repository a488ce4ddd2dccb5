package fr.passerelle.offers.io;

import java.util.List;
import java.util.Set;

/** The columns of the offers file (export header = import columns); see docs/candidates.md. */
final class OfferColumns {
  static final String ID = "id";
  static final String TITLE = "title";
  static final String EMPLOYER_NAME = "employer";
  static final String EMPLOYER_SIRET = "employer_siret";
  static final String ROME_CODE = "rome_code";
  static final String COMMUNE = "commune";
  static final String COMMUNE_NAME = "commune_name";
  static final String CONTRACT = "contract";
  static final String POSITIONS = "positions";
  static final String OPENED_ON = "opened_on";
  static final String CLOSED_ON = "closed_on";
  static final String SOURCE = "source";
  static final String HARD_TO_FILL = "hard_to_fill_override";
  static final String DESCRIPTION = "description";

  static final List<String> ALL =
      List.of(
          ID,
          TITLE,
          EMPLOYER_NAME,
          EMPLOYER_SIRET,
          ROME_CODE,
          COMMUNE,
          COMMUNE_NAME,
          CONTRACT,
          POSITIONS,
          OPENED_ON,
          CLOSED_ON,
          SOURCE,
          HARD_TO_FILL,
          DESCRIPTION);

  static final Set<String> REQUIRED = Set.of();

  static final Set<String> CONTRACTS =
      Set.of("INTERIM", "CDD", "CDI", "CDI_INTERIMAIRE", "ALTERNANCE");
  static final Set<String> SOURCES = Set.of("FRANCE_TRAVAIL", "TEMP_AGENCY");
  static final Set<String> OVERRIDES = Set.of("YES", "NO");

  private OfferColumns() {}
}
