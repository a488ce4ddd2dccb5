package fr.passerelle.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.testsupport.TestServices;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FundingRuleServiceTest {
  @TempDir Path dir;
  Services s;
  FundingRuleService rules;

  @BeforeEach
  void setUp() {
    s = TestServices.open(dir.resolve("db"));
    rules = s.training().rules();
  }

  @AfterEach
  void tearDown() {
    s.close();
  }

  @Test
  void theMigrationSeedIsExactlyTheShippedCsv() {
    assertThat(rules.all()).containsExactlyInAnyOrderElementsOf(FundingRuleService.shipped());
    assertThat(rules.all()).extracting(FundingRule::scheme).hasSize(FundingScheme.values().length);
    FundingRule poei = rules.inForce(FundingScheme.POEI, LocalDate.of(2026, 1, 1)).orElseThrow();
    assertThat(poei.maxHours()).isEqualTo(400);
    assertThat(poei.requiresOffer()).isTrue();
    assertThat(poei.sourceTitle()).contains("L6326-1");
  }

  @Test
  void anImportedRuleChangesTheWarningsWithoutAnyCodeChange() throws Exception {
    PathDraft d = TrainingFixture.draft(UUID.randomUUID(), FundingScheme.POEC, 450);
    assertThat(rules.check(d, LocalDate.of(2026, 1, 5))).hasSize(1);
    // the law changes: POEC up to 500 h from 2026-01-01 (export, edit, import back)
    StringWriter out = new StringWriter();
    rules.exportCsv(out);
    String csv =
        out.toString()
            + "POEC;Préparation opérationnelle à l'emploi collective;500;;DE;Convention;false;"
            + "Nouveau texte;https://example.org;2026-01-01\n";
    assertThat(csv).startsWith("\uFEFFscheme;label;");
    Path file = dir.resolve("regles.csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    assertThat(rules.importCsv(file)).isEqualTo(FundingScheme.values().length + 1);
    assertThat(rules.check(d, LocalDate.of(2026, 1, 5))).isEmpty();
    // a path that started before the new rule is still checked against the old one
    PathDraft old =
        new PathDraft(
            d.candidateId(),
            null,
            null,
            null,
            d.title(),
            null,
            null,
            450,
            LocalDate.of(2025, 6, 1),
            LocalDate.of(2025, 9, 1),
            FundingScheme.POEC,
            null,
            null,
            null,
            null);
    assertThat(rules.check(old, LocalDate.of(2026, 1, 5)))
        .extracting(RuleWarning::kind)
        .containsExactly("HOURS_ABOVE_MAX");
    rules.restoreShipped();
    assertThat(rules.all()).hasSize(FundingScheme.values().length);
  }

  @Test
  void aBadFileNamesTheLineAndFieldAndChangesNothing() throws Exception {
    var before = rules.all();
    Path file = dir.resolve("bad.csv");
    Files.writeString(
        file,
        "scheme,label,max_hours,min_hours,eligible_publics,required_attachments,requires_offer,"
            + "source_title,source_url,valid_from\n"
            + "POEC,POEC,400,,,,false,L6326-3,,2024-01-01\n"
            + "POEC,POEC,beaucoup,,,,false,L6326-3,,2025-01-01\n");
    assertThatThrownBy(() -> rules.importCsv(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "bad.csv, ligne 3, champ max_hours : « beaucoup » n'est pas un nombre d'heures positif.");
    Files.writeString(file, "scheme,label\nPOEC,POEC\n");
    assertThatThrownBy(() -> rules.importCsv(file)).hasMessageContaining("max_hours");
    Files.writeString(
        file,
        "scheme,label,max_hours,min_hours,eligible_publics,required_attachments,requires_offer,"
            + "source_title,source_url,valid_from\nPOEX,X,,,,,false,,,2024-01-01\n");
    assertThatThrownBy(() -> rules.importCsv(file)).hasMessageContaining("ligne 2, champ scheme");
    assertThat(rules.all()).isEqualTo(before);
  }

  /**
   * Issue #11.4: the rules export is a CSV export too; text an office imported that starts with
   * {@code = + - @} comes out with an apostrophe, and the import takes it off again. Issue #22: a
   * control character refuses the file at its line and field.
   */
  @Test
  void formulasInTheRulesExportAreNeutralisedAndComeBackUnchanged() throws Exception {
    Path file = dir.resolve("regles.csv");
    String header =
        "scheme;label;max_hours;min_hours;eligible_publics;required_attachments;requires_offer;"
            + "source_title;source_url;valid_from\n";
    Files.writeString(
        file,
        header
            + "POEC;\"=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\";400;;+cmd|' /C calc'!A0;@SUM(1);false;"
            + "-1+1;=1+1;2024-01-01\n",
        StandardCharsets.UTF_8);
    rules.importCsv(file);
    StringWriter out = new StringWriter();
    rules.exportCsv(out);
    String exported = out.toString();
    assertThat(exported)
        .contains("'=HYPERLINK(", "'+cmd|", "'@SUM(1)", ";'-1+1;", ";'=1+1;")
        .doesNotContain(";=", ";+", ";@", ";-1");
    Files.writeString(file, exported, StandardCharsets.UTF_8);
    rules.importCsv(file);
    FundingRule back = rules.all().get(0);
    assertThat(back.label()).isEqualTo("=HYPERLINK(\"http://evil\";\"x\")");
    assertThat(back.eligiblePublics()).isEqualTo("+cmd|' /C calc'!A0");
    assertThat(back.sourceTitle()).isEqualTo("-1+1");
    Files.writeString(
        file, header + "POEC;Clo\u0007che;400;;;;false;;;2024-01-01\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> rules.importCsv(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("regles.csv, ligne 2, champ label : caractère de contrôle (U+0007) interdit.");
    // unbalanced quotes: a clear refusal, not an UncheckedIOException
    Files.writeString(
        file, header + "POEC;\"Cloche\"x;400;;;;false;;;2024-01-01\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> rules.importCsv(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("regles.csv : CSV illisible");
  }
}
