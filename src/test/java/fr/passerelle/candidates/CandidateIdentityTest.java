package fr.passerelle.candidates;

import static fr.passerelle.candidates.CandidateFixtures.person;
import static fr.passerelle.candidates.CandidateFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.RowError;
import fr.passerelle.testsupport.TestServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The candidate file's civility and France Travail identifier (saved, read back, imported and
 * exported) and the age bands computed from the birth date (issue 19, ADR 0185). The test clock
 * reads 5 January 2026.
 */
class CandidateIdentityTest {
  @TempDir Path dir;
  Services services;
  CandidateService candidates;
  CandidateSearch candidateSearch;

  @BeforeEach
  void open() {
    services = TestServices.open(dir.resolve("db"), new TestServices.ManualClock());
    services
        .offices()
        .init("Agence Toulouse", fr.passerelle.office.OfficeKind.FRANCE_TRAVAIL, null);
    candidates = services.candidates();
    candidateSearch = services.candidateSearch();
  }

  @AfterEach
  void close() {
    services.close();
  }

  private CandidateDetail born(String last, LocalDate birth) {
    CandidateDetail p = person(last, "Test", "31555");
    return candidates.save(with(p, null, null, birth, null, p.status(), List.of(), false), null);
  }

  @Test
  void civilityAndFranceTravailIdentifierAreSavedAndReadBackTypedAsTheLetterPrintsThem() {
    CandidateDetail saved =
        candidates.save(
            person("Lefèvre", "Hélène", "31555").withIdentity(Civility.MADAME, " 1234 567 a "),
            null);

    CandidateDetail read = candidates.find(saved.id()).orElseThrow();
    assertThat(read.civility()).isEqualTo(Civility.MADAME);
    assertThat(read.franceTravailId()).isEqualTo("1234567A");

    candidates.save(read.withIdentity(null, ""), null);
    CandidateDetail cleared = candidates.find(saved.id()).orElseThrow();
    assertThat(cleared.civility()).isNull();
    assertThat(cleared.franceTravailId()).isNull();
  }

  @Test
  void aMalformedFranceTravailIdentifierIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                candidates.save(
                    person("Martin", "Paul", "31555").withIdentity(Civility.MONSIEUR, "12AB"),
                    null))
        .isInstanceOfSatisfying(
            CandidateValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field, FieldError::code)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "ft_identifier", FieldError.Code.BAD_FRANCE_TRAVAIL_ID)));
    assertThat(candidateSearch.count(CandidateQuery.all())).isZero();
  }

  @Test
  void civilitiesAsCounselorsWriteThem() {
    assertThat(Civility.parse("Mme")).contains(Civility.MADAME);
    assertThat(Civility.parse("madame")).contains(Civility.MADAME);
    assertThat(Civility.parse("M.")).contains(Civility.MONSIEUR);
    assertThat(Civility.parse("Monsieur")).contains(Civility.MONSIEUR);
    assertThat(Civility.parse("Docteur")).isEmpty();
    assertThat(Civility.parse("")).isEmpty();
  }

  @Test
  void ageBandsAreCountedFromTheBirthDateOnTheDay() {
    LocalDate today = LocalDate.of(2026, 1, 5);
    assertThat(AgeBand.of(LocalDate.of(2000, 1, 6), today)).isEqualTo(AgeBand.UNDER_26);
    assertThat(AgeBand.of(LocalDate.of(2000, 1, 5), today)).isEqualTo(AgeBand.FROM_26_TO_49);
    assertThat(AgeBand.of(LocalDate.of(1976, 1, 6), today)).isEqualTo(AgeBand.FROM_26_TO_49);
    assertThat(AgeBand.of(LocalDate.of(1976, 1, 5), today)).isEqualTo(AgeBand.FROM_50);
    assertThat(AgeBand.of(null, today)).isNull();
  }

  @Test
  void theAgeFilterFindsTheUnder26AndThe50AndOverOnTheirBirthdays() {
    born("Vingtcinq", LocalDate.of(2000, 1, 6)); // 25, 26 tomorrow
    born("Vingtsix", LocalDate.of(2000, 1, 5)); // 26 today
    born("Quaranteneuf", LocalDate.of(1976, 1, 6)); // 49, 50 tomorrow
    born("Cinquante", LocalDate.of(1976, 1, 5)); // 50 today
    born("Sansdate", null);

    assertThat(lastNames(CandidateQuery.all().withAgeBand(AgeBand.UNDER_26)))
        .containsExactly("Vingtcinq");
    assertThat(lastNames(CandidateQuery.all().withAgeBand(AgeBand.FROM_26_TO_49)))
        .containsExactlyInAnyOrder("Vingtsix", "Quaranteneuf");
    assertThat(lastNames(CandidateQuery.all().withAgeBand(AgeBand.FROM_50)))
        .containsExactly("Cinquante");
    assertThat(candidateSearch.count(CandidateQuery.all().withAgeBand(AgeBand.FROM_50))).isOne();
    assertThat(lastNames(CandidateQuery.text("cinq").withAgeBand(AgeBand.FROM_50)))
        .containsExactly("Cinquante");
    assertThat(candidateSearch.count(CandidateQuery.all())).isEqualTo(5);
  }

  private List<String> lastNames(CandidateQuery q) {
    return candidateSearch.search(q, 0, 50).stream().map(CandidateSummary::lastName).toList();
  }

  @Test
  void theSpreadsheetCarriesCivilityAndIdentifierBothWays() throws Exception {
    Path in = dir.resolve("in.csv");
    Files.writeString(
        in,
        "nom;prénom;civilité;identifiant France Travail\r\n"
            + "Lefèvre;Hélène;Mme;1234567a\r\n"
            + "Martin;Paul;M.;\r\n",
        StandardCharsets.UTF_8);
    ImportReport r = candidates.transfer().importFile(in, ImportMode.ALL_OR_NOTHING, Progress.NONE);
    assertThat(r.errors()).isEmpty();
    assertThat(r.created()).isEqualTo(2);

    Path out = dir.resolve("out.csv");
    candidates.transfer().exportFile(out, CandidateQuery.all(), Progress.NONE);
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(text).contains(";civilité;identifiant France Travail;");
    assertThat(text).contains(";Madame;1234567A;").contains(";Monsieur;;");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "nom;prénom;civilité\r\nDurand;Léa;Docteur\r\n", StandardCharsets.UTF_8);
    ImportReport refused =
        candidates.transfer().importFile(bad, ImportMode.ALL_OR_NOTHING, Progress.NONE);
    assertThat(refused.applied()).isFalse();
    assertThat(refused.errors()).singleElement().extracting(RowError::field).isEqualTo("civilité");
  }
}
