package fr.passerelle.candidates.ui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.candidates.CandidateFixtures;
import fr.passerelle.core.Progress;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.tabular.RowCorrection;
import fr.passerelle.tabular.RowError;
import fr.passerelle.testsupport.FrenchWording;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import report the window shows speaks French (issue 19: "is not a date", "unknown commune"
 * were shown as the import wrote them for the command line): every refusal and every correction a
 * candidates file can get is said from the UI bundles, with no English word and no raw code.
 */
class ImportReportWordingTest {
  @TempDir Path dir;
  Services services;
  final Messages fr = new Messages(Messages.FRENCH);

  @BeforeEach
  void open() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
    services
        .candidates()
        .save(
            CandidateFixtures.edited(
                CandidateFixtures.person("Lefèvre", "Hélène", "31555"), "helene@example.fr", null),
            null);
  }

  @AfterEach
  void close() {
    services.close();
  }

  private ImportReport importLines(String... lines) throws Exception {
    Path f = dir.resolve("candidats.csv");
    Files.writeString(f, String.join("\r\n", lines), StandardCharsets.UTF_8);
    return services.candidates().transfer().importFile(f, ImportMode.ALL_OR_NOTHING, Progress.NONE);
  }

  @Test
  void everyRefusalOfACandidatesFileIsSaidInFrench() throws Exception {
    ImportReport r =
        importLines(
            "identifiant;nom;prénom;date de naissance;e-mail;téléphone;commune;mobilité (km);"
                + "permis de conduire;statut;métiers (ROME);publics prioritaires;civilité;"
                + "identifiant France Travail",
            ";Martin;Paul;31/02/1990;;;;;;;;;;",
            ";Durand;Léa;;;;;douze;;;;;;",
            ";Petit;Jean;;;;;;peut-être;;;;;",
            ";Moreau;Luc;;;;Nullepart;;;;;;;",
            ";Roux;Zoé;;;;Saint-Denis;;;;;;;",
            ";Blanc;Eva;;;;;;;RETRAITE;;;;",
            ";Noir;Max;;;;;;;;Z9999;;;",
            ";Gris;Ana;;;;;;;;;VIP;;",
            ";Vert;Tom;;;;;;;;;;Docteur;",
            ";Bleu;Léo;;;;;;;;;;;12AB",
            ";Rose;Lou;;pas-une-adresse;;;;;;;;;",
            ";Brun;Kim;;;0612;;;;;;;;",
            ";Lefèvre;Hélène;;helene@example.fr;;;;;;;;;",
            "pas-un-id;Jaune;Ivy;;;;;;;;;;;",
            "00000000-0000-0000-0000-000000000000;Ocre;Ted;;;;;;;;;;;",
            ";;;;;;;;;;;;;",
            ";Trop;Long;;;;;;;;;;;;;;en trop");
    assertThat(r.applied()).isFalse();
    List<String> said = FrenchWording.refusals(fr, r.errors(), ImportReportDialog::message);
    assertThat(said).hasSizeGreaterThanOrEqualTo(15);
    assertThat(said)
        .anySatisfy(s -> assertThat(s).contains("« 31/02/1990 » n'est pas une date"))
        .anySatisfy(s -> assertThat(s).contains("communes portent ce nom"))
        .anySatisfy(s -> assertThat(s).contains("Doublon de LEFÈVRE Hélène (même e-mail)"));
  }

  @Test
  void theColumnsOfTheFileAreSaidInFrench() throws Exception {
    ImportReport r = importLines("nom;prénom;couleur;nom", "Martin;Paul;bleu;Martin");
    assertThat(r.errors()).hasSize(2);
    for (RowError e : r.errors()) {
      assertThat(FrenchWording.faults(ImportReportDialog.message(fr, e))).isEmpty();
    }
  }

  @Test
  void correctionsAreSaidInFrench() throws Exception {
    ImportReport r =
        importLines(
            "nom;prénom;date de naissance;téléphone;commune",
            "Martin;Paul;14/03/90;612345678;9261",
            "Durand;Lé\u0007a;;;");
    assertThat(r.applied()).isTrue();
    assertThat(r.corrections()).hasSizeGreaterThanOrEqualTo(3);
    for (RowCorrection c : r.corrections()) {
      assertThat(c.wording()).as(c.why()).isNotNull();
      String why = ImportReportDialog.why(fr, c);
      assertThat(FrenchWording.faults(why)).as(why).isEmpty();
    }
  }
}
