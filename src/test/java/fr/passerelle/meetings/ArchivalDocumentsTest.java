package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.dashboard.DashboardReport;
import fr.passerelle.dashboard.Indicators;
import fr.passerelle.dashboard.Period;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The sign-in sheet, the convocations and the steering report are PDF/A-2A: read back with PDFBox
 * (XMP with the PDF/A identification, sRGB output intent, fonts embedded, /Lang fr-FR, title,
 * structure tree, no ligature characters in the text) and validated by veraPDF.
 */
class ArchivalDocumentsTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private Services services;
  private MeetingFixture fixture;
  private final LocalDateTime printed = LocalDateTime.of(2026, 1, 5, 10, 0);

  @BeforeAll
  static void verapdf() {
    VeraGreenfieldFoundryProvider.initialise();
  }

  @BeforeEach
  void open() {
    services = TestServices.open(dir.resolve("db"), clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    services
        .offices()
        .updateContact(
            "12 rue Bayard, 31000 Toulouse", "05 61 00 00 00", "agence@example.fr", null);
    services.meetings().setCounselor("Claire Dupont");
    fixture = new MeetingFixture(services);
  }

  @AfterEach
  void close() {
    services.close();
  }

  private MeetingSheet sheet() {
    Meeting m =
        fixture.meeting(
            "Offres difficiles à pourvoir — préparateurs",
            MeetingFixture.NEXT_MONDAY.atTime(9, 30),
            420,
            40);
    services.participants().inviteCandidates(m.id(), fixture.candidates(30));
    services.participants().addExternal(m.id(), ParticipantRole.PARTNER, "Anne", "Cazals", "Akto");
    return services.meetings().sheet(m.id());
  }

  @Test
  void theRosterIsPdfA2a() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RosterPdf().write(sheet(), printed, out);
    String text = checkArchival(out.toByteArray(), "Feuille d'émargement — Offres difficiles");
    assertThat(text).contains("Offres difficiles à pourvoir", "MARTIN Léa");
    save("roster.pdf", out);
  }

  @Test
  void theConvocationsArePdfA2aAddressedByNameWithTheOfficesContact() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ConvocationPdf().write(sheet(), printed, out);
    String text = checkArchival(out.toByteArray(), "Convocations — Offres difficiles");
    assertThat(text)
        .contains("Bonjour Léa Martin,", "Tél. 05 61 00 00 00", "agence@example.fr")
        .contains("Dossier suivi par Claire Dupont", "31000 Toulouse")
        .doesNotContain("Madame, Monsieur");
    save("convocations.pdf", out);
  }

  @Test
  void theSteeringReportIsPdfA2a() throws Exception {
    Indicators ind =
        services.stats().indicators(Period.of(Period.Preset.THIS_MONTH, clock.today()), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new DashboardReport()
        .write(ind, "Toutes les agences", printed.atZone(ZoneId.of("Europe/Paris")), out);
    String text = checkArchival(out.toByteArray(), "Tableau de bord du partenariat");
    assertThat(text).contains("Offres France Travail", "Difficiles à pourvoir");
    save("report.pdf", out);
  }

  @Test
  void veraPdfRefusesAPdfThatIsNotArchival() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage());
      doc.save(out);
    }
    assertThat(veraPdf(out.toByteArray())).as("the validator can fail").isNotEmpty();
  }

  /** -Dmeetings.look=DIR keeps the documents for a human look (pdftoppm) and a veraPDF run. */
  private void save(String name, ByteArrayOutputStream out) throws Exception {
    String look = System.getProperty("meetings.look");
    if (look != null) {
      Files.write(Files.createDirectories(Path.of(look)).resolve(name), out.toByteArray());
    }
  }

  /** Checks what PDF/A-2A requires and returns the text. */
  private static String checkArchival(byte[] pdf, String title) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDDocumentCatalog cat = doc.getDocumentCatalog();
      String xmp = new String(cat.getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp)
          .contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>")
          .contains(title)
          .contains("fr-FR");
      List<PDOutputIntent> intents = cat.getOutputIntents();
      assertThat(intents).hasSize(1);
      assertThat(intents.get(0).getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1");
      assertThat(intents.get(0).getDestOutputIntent()).isNotNull();
      assertThat(cat.getLanguage()).isEqualTo("fr-FR");
      assertThat(doc.getDocumentInformation().getTitle()).startsWith(title);
      assertThat(cat.getViewerPreferences().displayDocTitle()).isTrue();
      assertThat(cat.getMarkInfo().isMarked()).isTrue();
      assertThat(cat.getStructureTreeRoot().getKids()).isNotEmpty();
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      // the glyphs' own Unicode values, before PDFTextStripper folds ligatures back (pdftotext,
      // screen readers and copy-paste do not)
      StringBuilder raw = new StringBuilder();
      PDFTextStripper stripper =
          new PDFTextStripper() {
            @Override
            protected void processTextPosition(org.apache.pdfbox.text.TextPosition t) {
              raw.append(t.getUnicode());
              super.processTextPosition(t);
            }
          };
      String text = stripper.getText(doc);
      assertThat(raw.chars().filter(c -> c >= 0xFB00 && c <= 0xFB06))
          .as("no ligature characters (ﬀ, ﬁ, ﬂ…) in the text")
          .isEmpty();
      assertThat(raw.toString()).contains("Offres");
      assertThat(veraPdf(pdf)).as("veraPDF, PDF/A-2A").isEmpty();
      return text;
    }
  }

  /** The rules veraPDF finds broken (empty: compliant). */
  static List<String> veraPdf(byte[] pdf) throws Exception {
    try (PDFAParser parser =
        Foundries.defaultInstance()
            .createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_A)) {
      PDFAValidator validator =
          Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_A, false);
      ValidationResult result = validator.validate(parser);
      if (result.isCompliant()) {
        return List.of();
      }
      return result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(
              a ->
                  a.getRuleId().getClause()
                      + "-"
                      + a.getRuleId().getTestNumber()
                      + " "
                      + a.getMessage())
          .distinct()
          .collect(Collectors.toList());
    }
  }
}
