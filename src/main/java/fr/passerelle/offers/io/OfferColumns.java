package fr.passerelle.offers.io;

import fr.passerelle.tabular.FileColumns;
import java.util.List;
import java.util.Map;
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

  /** The French header of each column, as the export writes it; the import accepts either. */
  static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry(ID, "identifiant"),
          Map.entry(TITLE, "intitulé"),
          Map.entry(EMPLOYER_NAME, "employeur"),
          Map.entry(EMPLOYER_SIRET, "SIRET employeur"),
          Map.entry(ROME_CODE, "code ROME"),
          Map.entry(COMMUNE, "commune (code INSEE)"),
          Map.entry(COMMUNE_NAME, "nom de la commune"),
          Map.entry(CONTRACT, "contrat"),
          Map.entry(POSITIONS, "postes"),
          Map.entry(OPENED_ON, "ouverte le"),
          Map.entry(CLOSED_ON, "clôturée le"),
          Map.entry(SOURCE, "source"),
          Map.entry(HARD_TO_FILL, "difficile à pourvoir (forcé)"),
          Map.entry(DESCRIPTION, "description"));

  /** The size of each column's database field (V1__schema.sql); others take 4,000. */
  static final Map<String, Integer> MAX_LENGTH =
      Map.ofEntries(
          Map.entry(ID, 36),
          Map.entry(TITLE, 255),
          Map.entry(EMPLOYER_NAME, 255),
          Map.entry(EMPLOYER_SIRET, 30),
          Map.entry(ROME_CODE, 30),
          Map.entry(COMMUNE, 255),
          Map.entry(COMMUNE_NAME, 255),
          Map.entry(CONTRACT, 30),
          Map.entry(POSITIONS, 30),
          Map.entry(OPENED_ON, 30),
          Map.entry(CLOSED_ON, 30),
          Map.entry(SOURCE, 30),
          Map.entry(HARD_TO_FILL, 30),
          Map.entry(DESCRIPTION, 4000));

  static final Set<String> REQUIRED = Set.of();

  /** The whole column set, as the tabular import and export take it. */
  static final FileColumns FILE = new FileColumns(ALL, LABELS, MAX_LENGTH, REQUIRED);

  static final Set<String> CONTRACTS =
      Set.of("INTERIM", "CDD", "CDI", "CDI_INTERIMAIRE", "ALTERNANCE");
  static final Set<String> SOURCES = Set.of("FRANCE_TRAVAIL", "TEMP_AGENCY");
  static final Set<String> OVERRIDES = Set.of("YES", "NO");

  private OfferColumns() {}
}
