package fr.passerelle.offers.io;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.core.Progress;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.tabular.ImportMode;
import fr.passerelle.tabular.ImportReport;
import fr.passerelle.testsupport.FrenchWording;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.ui.Messages;
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
 * The offers import report is said in French from the UI bundles, as the candidates' one (ADR 0186,
 * #19: "unknown ROME code", "is not one of [CDI, …]" were English): every refusal an offers file
 * can get carries its wording, with no English word and no raw code; the English sentence stays for
 * the command line.
 */
class OfferImportWordingTest {
  @TempDir Path dir;
  Services services;
  final Messages fr = new Messages(Messages.FRENCH);

  @BeforeEach
  void open() {
    services = TestServices.withOffice(dir.resolve("db"), "Agence", OfficeKind.FRANCE_TRAVAIL);
  }

  @AfterEach
  void close() {
    services.close();
  }

  private ImportReport importLines(String... lines) throws Exception {
    Path f = dir.resolve("offres.csv");
    Files.writeString(f, String.join("\r\n", lines), StandardCharsets.UTF_8);
    return new OfferTransfer(
            services.db(), services.writer(), services.candidates().reference(), services.access())
        .importFile(f, ImportMode.ALL_OR_NOTHING, LocalDate.of(2026, 1, 5), Progress.NONE);
  }

  @Test
  void everyRefusalOfAnOffersFileIsSaidInFrench() throws Exception {
    ImportReport r =
        importLines(
            "identifiant;intitulé;SIRET employeur;code ROME;commune (code INSEE);contrat;postes;"
                + "ouverte le;clôturée le;source;difficile à pourvoir (forcé)",
            ";;;N1103;;;;;;;",
            ";Cariste;;Z9999;;;;;;;",
            ";Cariste;;N1103;Nullepart;;;;;;",
            ";Cariste;;N1103;Saint-Denis;;;;;;",
            ";Cariste;;N1103;;CDI spécial;;;;;",
            ";Cariste;;N1103;;;0;;;;",
            ";Cariste;;N1103;;;;01/06/2028;;;",
            ";Cariste;;N1103;;;;10/01/2026;01/01/2026;;",
            ";Cariste;123;N1103;;;;;;;",
            ";Cariste;;N1103;;;;;;Pôle;",
            ";Cariste;;N1103;;;;;;;peut-être",
            "pas-un-id;Cariste;;;;;;;;;",
            "00000000-0000-0000-0000-000000000000;Cariste;;;;;;;;;");
    assertThat(r.applied()).isFalse();
    List<String> said =
        FrenchWording.refusals(
            fr, r.errors(), (m, e) -> m.get(e.wording().key(), e.wording().args().toArray()));
    assertThat(said).hasSizeGreaterThanOrEqualTo(13);
    assertThat(said)
        .anySatisfy(s -> assertThat(s).contains("Code ROME inconnu « Z9999 »"))
        .anySatisfy(s -> assertThat(s).contains("communes portent ce nom"))
        .anySatisfy(s -> assertThat(s).contains("Clôturée le 01/01/2026, avant son ouverture"))
        .anySatisfy(s -> assertThat(s).contains("Contrat inconnu « CDI spécial »"));
  }

  @Test
  void theWordsOfTheWindowAreReadAsTheirCodes() throws Exception {
    ImportReport r =
        importLines(
            "intitulé;code ROME;contrat;source;difficile à pourvoir (forcé)",
            "Cariste;N1103;CDI intérimaire;agence d'intérim;oui",
            "Préparateur;N1103;intérim;France Travail;non");
    assertThat(r.errors()).isEmpty();
    assertThat(r.applied()).isTrue();
  }
}
