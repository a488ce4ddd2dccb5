package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed documents read back: roster and convocations with PDFBox, .ics with ical4j. */
public class MeetingDocumentsTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private Services services;
  private MeetingFixture fixture;
  private final LocalDateTime printed = LocalDateTime.of(2026, 1, 5, 10, 0);

  @BeforeEach
  void open() {
    services = TestServices.open(dir, clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    fixture = new MeetingFixture(services);
  }

  @AfterEach
  void close() {
    services.close();
  }

  @Test
  void aThreePageRosterHasEveryParticipantTheHeaderOnEveryPageAndPageNumbers() throws Exception {
    Meeting m = fixture.meeting("Préparateurs de commandes — Fenouillet", monday(9, 30), 150, 60);
    List<UUID> c = fixture.candidates(48);
    services.participants().inviteCandidates(m.id(), c);
    services
        .participants()
        .addExternal(m.id(), ParticipantRole.PARTNER, "Anne", "Cazals", "Akto Occitanie");
    services.participants().addExternal(m.id(), ParticipantRole.EMPLOYER, "Noé", "Pérès", "Lidl");
    MeetingSheet sheet = services.meetings().sheet(m.id());
    assertThat(new RosterPdf().pageCount(sheet.expected().size())).isEqualTo(3);

    List<String> pages = pagesOf(roster(sheet));
    assertThat(pages).hasSize(3);
    for (int i = 0; i < 3; i++) {
      String page = pages.get(i);
      assertThat(page)
          .contains("Feuille d'émargement")
          .contains("Préparateurs de commandes — Fenouillet")
          .contains("Information collective · lun. 12 janv. 2026 · 09:30 – 12:00")
          .contains("Lieu : Agence Toulouse Matabiau, 12 rue Bayard, salle Garonne")
          .contains("Organisateurs : Agence Toulouse Matabiau")
          .contains("Partenaires : Akto, FASTT")
          .contains("page " + (i + 1) + " / 3")
          .contains("Imprimé le lun. 5 janv. 2026 à 10:00")
          .contains("Données personnelles");
    }
    String all = String.join("\n", pages);
    for (Participant p : sheet.expected()) {
      assertThat(all).contains(p.printedName());
    }
    assertThat(all)
        .contains("LEFÈVRE Maël", "MÜLLER Gaëlle", "GUÉRIN Maël", "candidat", "Akto Occitanie")
        .contains("CAZALS Anne")
        .contains("Signature de l'organisateur");
    assertThat(pages.get(2)).contains("Signature de l'organisateur");
    assertThat(pages.get(0)).doesNotContain("Signature de l'organisateur");
    // sorted by last name: BERNARD before BLANC before BONNET
    assertThat(all.indexOf("BERNARD")).isLessThan(all.indexOf("BLANC"));
    assertThat(all.indexOf("BLANC")).isLessThan(all.indexOf("BONNET"));
    // a morning meeting has one signature column
    assertThat(all).doesNotContain("Signature après-midi");
  }

  @Test
  void aDayLongMeetingHasASignatureBoxPerHalfDayAndWaitlistedPeopleAreNotListed() throws Exception {
    Meeting m = fixture.meeting("Forum de l'emploi", monday(9, 0), 8 * 60, 2);
    List<UUID> c = fixture.candidates(3);
    services.participants().inviteCandidates(m.id(), c);
    String text = String.join("\n", pagesOf(roster(services.meetings().sheet(m.id()))));
    assertThat(text).contains("Signature matin", "Signature après-midi");
    assertThat(text).contains("MARTIN Léa", "BERNARD Chloé").doesNotContain("THOMAS Inès");
  }

  @Test
  void convocationsAreOneLetterPerInvitedCandidate() throws Exception {
    Meeting m = fixture.meeting("Découverte des métiers de la logistique", monday(14, 0), 120, 2);
    services.participants().inviteCandidates(m.id(), fixture.candidates(3));
    services.participants().addExternal(m.id(), ParticipantRole.PARTNER, "Anne", "Cazals", "Akto");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int n = new ConvocationPdf().write(services.meetings().sheet(m.id()), printed, out);
    assertThat(n).isEqualTo(2);
    List<String> pages = pagesOf(out.toByteArray());
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0))
        .contains("BERNARD Chloé", "1 rue des Lilas".replace("1", "2"), "Toulouse")
        .contains("Objet : convocation — Information collective")
        .contains("lundi 12 janvier 2026", "14:00 – 16:00")
        .contains("Pensez à apporter", "pièce d'identité");
    assertThat(pages.get(1)).contains("MARTIN Léa");
    assertThat(String.join("", pages)).doesNotContain("CAZALS", "THOMAS");
  }

  @Test
  void convocationsForAMeetingWithoutCandidatesAreRefused() {
    Meeting m = fixture.meeting("Vide", monday(14, 0), 60, 2);
    assertThatThrownBy(
            () ->
                new ConvocationPdf()
                    .write(services.meetings().sheet(m.id()), printed, new ByteArrayOutputStream()))
        .hasMessageContaining("No candidate to convene");
  }

  @Test
  void theCalendarFileParsesBackWithItsTimesInUtc() throws Exception {
    Meeting m = fixture.meeting("Réunion inter-réseaux Akto/FASTT", monday(14, 30), 90, 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new IcsExport()
        .write(
            services.meetings().sheet(m.id()),
            Instant.parse("2026-01-05T09:00:00Z"),
            services.meetings().revision(m.id()),
            out);
    String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text)
        .contains("DTSTART:20260112T133000Z", "DTEND:20260112T150000Z", "DTSTAMP:20260105T090000Z")
        .doesNotContain("METHOD:");
    Calendar cal = new CalendarBuilder().build(new ByteArrayInputStream(out.toByteArray()));
    assertThat(cal.validate().getEntries()).as("ical4j's validation").isEmpty();
    VEvent e = (VEvent) cal.getComponent("VEVENT").orElseThrow();
    assertThat(e.getSummary().getValue())
        .isEqualTo("Information collective — Réunion inter-réseaux Akto/FASTT");
    assertThat(e.getUid().orElseThrow().getValue()).isEqualTo(m.id() + "@passerelle");
    assertThat(e.getLocation().getValue()).contains("salle Garonne");
    assertThat(e.getDescription().getValue()).contains("Partenaires : Akto, FASTT");

    services.meetings().cancel(m.id());
    ByteArrayOutputStream cancelled = new ByteArrayOutputStream();
    new IcsExport().write(services.meetings().sheet(m.id()), Instant.now(), 2, cancelled);
    assertThat(cancelled.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("STATUS:CANCELLED");
  }

  /** For a human look: -Dmeetings.look=DIR writes a 60-participant roster and convocations. */
  @Test
  void writesSamplesForAHumanLookWhenAsked() throws Exception {
    String look = System.getProperty("meetings.look");
    if (look == null) {
      return;
    }
    Meeting m =
        services
            .meetings()
            .create(
                fixture
                    .draft(
                        "Job dating logistique — préparateurs de commandes", monday(9, 0), 420, 60)
                    .withCapacity(60));
    services.participants().inviteCandidates(m.id(), fixture.candidates(57));
    services
        .participants()
        .addExternal(m.id(), ParticipantRole.PARTNER, "Anne", "Cazals", "Akto Occitanie");
    services
        .participants()
        .addExternal(m.id(), ParticipantRole.PARTNER, "Yves", "Roumégoux", "FASTT");
    services.participants().addExternal(m.id(), ParticipantRole.EMPLOYER, "Noé", "Pérès", "Lidl");
    Path d = Files.createDirectories(Path.of(look));
    MeetingSheet sheet = services.meetings().sheet(m.id());
    Files.write(d.resolve("roster-60.pdf"), roster(sheet));
    try (var o = Files.newOutputStream(d.resolve("convocations.pdf"))) {
      new ConvocationPdf().write(sheet, printed, o);
    }
  }

  private LocalDateTime monday(int h, int min) {
    return MeetingFixture.NEXT_MONDAY.atTime(h, min);
  }

  private byte[] roster(MeetingSheet sheet) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new RosterPdf().write(sheet, printed, out);
    return out.toByteArray();
  }

  public static List<String> pagesOf(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper s = new PDFTextStripper();
      List<String> pages = new java.util.ArrayList<>();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        s.setStartPage(i);
        s.setEndPage(i);
        pages.add(s.getText(doc));
      }
      return pages;
    }
  }
}
