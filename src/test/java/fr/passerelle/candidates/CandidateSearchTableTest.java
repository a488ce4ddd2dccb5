package fr.passerelle.candidates;

import static fr.passerelle.candidates.CandidateFixtures.person;
import static fr.passerelle.candidates.CandidateFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.search.IndexStatus;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a counselor types → who comes first (ADR 0100), answered by the search index through the
 * candidates' service, as the view asks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CandidateSearchTableTest {
  static final String TOULOUSE = "31555";
  static final String ALBI = "81004";
  static final String MONTPELLIER = "34172";

  Services services;
  CandidateService candidates;
  CandidateSearch candidateSearch;

  @BeforeAll
  void people(@TempDir Path dir) {
    services = TestServices.withOffice(dir, "Agence Toulouse", OfficeKind.FRANCE_TRAVAIL);
    candidates = services.candidates();
    candidateSearch = services.candidateSearch();
    save(person("Lefèvre", "Hélène", TOULOUSE));
    save(person("Lefebvre", "Marc", ALBI));
    save(person("Œuvray", "Anaïs", MONTPELLIER));
    save(person("Cæsar", "Lætitia", MONTPELLIER));
    save(person("Dupont-Moretti", "Éric", TOULOUSE));
    save(person("De La Fontaine", "Jean", ALBI));
    save(person("Fontaine", "Guy", ALBI));
    save(
        with(
            person("N'Diaye", "Aminata", TOULOUSE),
            "Aminata.Ndiaye@Example.fr",
            null,
            LocalDate.of(1988, 1, 2),
            null,
            CandidateStatus.ACTIVE,
            List.of(),
            false));
    save(
        with(
            person("Nguyen", "Van Minh", TOULOUSE),
            null,
            "06 12 34 56 78",
            LocalDate.of(1979, 5, 6),
            null,
            CandidateStatus.ACTIVE,
            List.of(),
            false));
    save(person("Martin", "Paul", TOULOUSE));
    save(person("Martinez", "Julie", ALBI));
    save(person("Chevallier", "Françoise", ALBI));
    save(person("Rousseau", "Mathieu", MONTPELLIER));
    save(person("Thibault", "Claire", MONTPELLIER));
    save(person("Benoit", "Elodie", TOULOUSE));
    save(person("Garcia", "Inès", TOULOUSE, "N1103"));
    save(person("Moreau", "Sylvie", TOULOUSE));
    save(person("Marie", "Lou", ALBI));
  }

  private void save(CandidateDetail d) {
    candidates.save(d, null);
  }

  @AfterAll
  void close() {
    services.close();
  }

  @ParameterizedTest(name = "\"{0}\" → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // accents, both ways
        "lefevre | LEFÈVRE Hélène",
        "LEFÉVRE | LEFÈVRE Hélène",
        "hélène | LEFÈVRE Hélène",
        "élodie | BENOIT Elodie",
        "benoît | BENOIT Elodie",
        "lefebvre | LEFEBVRE Marc",
        // œ and æ
        "oeuvray | ŒUVRAY Anaïs",
        "œuvray | ŒUVRAY Anaïs",
        "laetitia | CÆSAR Lætitia",
        "caesar | CÆSAR Lætitia",
        // one typo (4 to 7 letters)
        "lefvre | LEFÈVRE Hélène",
        "martn | MARTIN Paul",
        "matieu | ROUSSEAU Mathieu",
        "nguyne | NGUYEN Van Minh",
        "garcai | GARCIA Inès",
        // two typos (8 letters and more)
        "chavallir | CHEVALLIER Françoise",
        "dupomtmoreti | DUPONT-MORETTI Éric",
        // sounds alike (surnames)
        "tibo | THIBAULT Claire",
        "fonteyne guy | FONTAINE Guy",
        "rousso | ROUSSEAU Mathieu",
        "moreaux | MOREAU Sylvie",
        // hyphenated and compound surnames
        "dupont-moretti | DUPONT-MORETTI Éric",
        "dupont moretti | DUPONT-MORETTI Éric",
        "moretti | DUPONT-MORETTI Éric",
        "dupontmoretti | DUPONT-MORETTI Éric",
        "delafontaine | DE LA FONTAINE Jean",
        "de la fontaine jean | DE LA FONTAINE Jean",
        "ndiaye | N'DIAYE Aminata",
        "n'diaye | N'DIAYE Aminata",
        // partial first names, as typed
        "hél | LEFÈVRE Hélène",
        "lef hé | LEFÈVRE Hélène",
        "fran | CHEVALLIER Françoise",
        "van mi | NGUYEN Van Minh",
        // exact words before beginnings of words
        "martin | MARTIN Paul",
        "martin toulouse | MARTIN Paul",
        "martinez | MARTINEZ Julie",
        // phone with and without spaces, e-mail
        "06 12 34 56 78 | NGUYEN Van Minh",
        "0612345678 | NGUYEN Van Minh",
        "06.12.34 | NGUYEN Van Minh",
        "+33 6 12 34 56 78 | NGUYEN Van Minh",
        "aminata.ndiaye@example.fr | N'DIAYE Aminata",
        // commune and occupation
        "garcia prepa | GARCIA Inès",
        "inès toulouse | GARCIA Inès",
      })
  void firstHit(String typed, String expected) {
    CandidatePage page = candidateSearch.page(CandidateQuery.text(typed), 0, 50);
    assertThat(page.rows()).as(typed).isNotEmpty();
    assertThat(page.rows().get(0).displayName()).as(typed).isEqualTo(expected);
    assertThat(services.search().status().state())
        .as("answered by the search index")
        .isEqualTo(IndexStatus.State.CURRENT);
  }

  @Test
  void exactMatchesComeBeforeBeginningsAndTypos() {
    assertThat(names("martin")).startsWith("MARTIN Paul", "MARTINEZ Julie");
    assertThat(names("lefevre")).startsWith("LEFÈVRE Hélène", "LEFEBVRE Marc");
    assertThat(names("fontaine")).containsExactlyInAnyOrder("DE LA FONTAINE Jean", "FONTAINE Guy");
  }

  @Test
  void everyWordMustMatch() {
    assertThat(names("lefevre paul")).isEmpty();
    assertThat(names("martin albi")).containsExactly("MARTINEZ Julie");
  }

  @Test
  void aSaveIsFoundAtOnceAndARenameForgetsTheOldName() {
    CandidateDetail d = candidates.save(person("Zamora", "Lucie", TOULOUSE), null);
    assertThat(names("zamora")).containsExactly("ZAMORA Lucie");
    candidates.save(
        new CandidateDetail(
            d.id(),
            d.officeId(),
            "Zamorano",
            d.firstName(),
            d.birthDate(),
            d.email(),
            d.phone(),
            d.address(),
            d.communeCode(),
            d.communeName(),
            d.mobilityKm(),
            d.drivingLicence(),
            d.availableFrom(),
            d.status(),
            d.registeredOn(),
            d.notes(),
            d.occupations(),
            d.criteria(),
            d.consent()),
        null);
    assertThat(names("zamorano")).containsExactly("ZAMORANO Lucie");
    assertThat(names("lucie zamora")).containsExactly("ZAMORANO Lucie"); // a beginning
    candidates.delete(d.id());
    assertThat(names("zamorano")).isEmpty();
  }

  /**
   * The page the index answers carries each row as the database holds it (ADR 0180): names, birth
   * date, commune, status, availability, target occupations most experience first, consent; after
   * an edit too. Compared with the database's own summaries of the same ids.
   */
  @Test
  void aPageFromTheIndexShowsEachRowAsTheDatabaseHoldsIt() {
    CandidateDetail d =
        candidates.save(
            new CandidateDetail(
                null,
                null,
                "Quintard",
                "Éloïse",
                LocalDate.of(1975, 2, 3),
                null,
                null,
                null,
                ALBI,
                null,
                20,
                true,
                LocalDate.of(2027, 1, 4),
                CandidateStatus.IN_TRAINING,
                null,
                null,
                List.of(
                    new CandidateDetail.TargetOccupation("N1103", null, 1),
                    new CandidateDetail.TargetOccupation("K2204", null, 5),
                    new CandidateDetail.TargetOccupation("J1501", null, null)),
                List.of(),
                new CandidateDetail.Consent(true, null, false, null, null)),
            null);
    CandidateSummary row = onlyRow("quintard");
    assertThat(row).isEqualTo(candidateSearch.summaries(List.of(d.id())).get(0));
    assertThat(row.occupations())
        .isEqualTo(
            "Agent / Agente de nettoyage industriel, Préparateur / Préparatrice de commandes,"
                + " Aide-soignant / Aide-soignante");
    assertThat(row.status()).isEqualTo(CandidateStatus.IN_TRAINING);
    assertThat(row.consentShare()).isTrue();

    candidates.save(
        new CandidateDetail(
            d.id(),
            d.officeId(),
            d.lastName(),
            "Éloïse-Marie",
            null,
            d.email(),
            d.phone(),
            d.address(),
            TOULOUSE,
            null,
            d.mobilityKm(),
            d.drivingLicence(),
            null,
            CandidateStatus.EMPLOYED,
            d.registeredOn(),
            d.notes(),
            List.of(new CandidateDetail.TargetOccupation("J1501", null, 3)),
            d.criteria(),
            CandidateDetail.Consent.NONE),
        null);
    CandidateSummary edited = onlyRow("quintard");
    assertThat(edited).isEqualTo(candidateSearch.summaries(List.of(d.id())).get(0));
    assertThat(edited.firstName()).isEqualTo("Éloïse-Marie");
    assertThat(edited.birthDate()).isNull();
    assertThat(edited.communeCode()).isEqualTo(TOULOUSE);
    assertThat(edited.status()).isEqualTo(CandidateStatus.EMPLOYED);
    assertThat(edited.consentShare()).isFalse();
    assertThat(edited.occupations()).doesNotContain(",");
    candidates.delete(d.id());
    assertThat(candidateSearch.page(CandidateQuery.text("quintard"), 0, 50).rows()).isEmpty();
  }

  private CandidateSummary onlyRow(String typed) {
    List<CandidateSummary> rows = candidateSearch.page(CandidateQuery.text(typed), 0, 50).rows();
    // answered by the index, not by the database's fallback
    assertThat(services.search().status().state()).isEqualTo(IndexStatus.State.CURRENT);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private List<String> names(String typed) {
    return candidateSearch.search(CandidateQuery.text(typed), 0, 50).stream()
        .map(CandidateSummary::displayName)
        .toList();
  }
}
