package fr.passerelle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingFixture;
import fr.passerelle.meetings.ParticipantRole;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.Cli;
import fr.passerelle.testsupport.Cli.Result;
import fr.passerelle.testsupport.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeetingsCliTest {
  @TempDir Path dir;
  @TempDir Path outDir;
  private UUID meetingId;

  @BeforeEach
  void seed() {
    try (Services s = TestServices.open(dir)) {
      s.offices().init("Agence Albi", OfficeKind.FRANCE_TRAVAIL, null);
      MeetingFixture f = new MeetingFixture(s);
      // the real clock: a meeting next year is never in the past
      LocalDateTime start = s.meetings().now().plusYears(1).withHour(9).withMinute(30);
      Meeting m = f.meeting("Info coll Albi", start, 120, 3);
      s.participants().inviteCandidates(m.id(), f.candidates(4));
      s.participants().addExternal(m.id(), ParticipantRole.PARTNER, "Anne", "Cazals", "Akto");
      meetingId = m.id();
    }
  }

  @Test
  void listAndShowInTextAndJson() {
    Result list = Cli.run(dir, "meetings", "list");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains(meetingId.toString(), "Info coll Albi", "3 invited");
    Result json = Cli.run(dir, "meetings", "list", "--json");
    assertThat(json.out()).contains("\"title\" : \"Info coll Albi\"", "\"waitlisted\" : 1");

    Result show = Cli.run(dir, "meetings", "show", meetingId.toString());
    assertThat(show.code()).as(show.err()).isZero();
    assertThat(show.out())
        .contains("participants (5)", "MARTIN Léa", "WAITLISTED", "CAZALS Anne (Akto)");
    Result showJson = Cli.run(dir, "meetings", "show", meetingId.toString(), "--json");
    assertThat(showJson.out()).contains("\"lastName\" : \"Cazals\"", "\"participants\"");
  }

  @Test
  void rosterAndIcsAreWritten() throws Exception {
    Path pdf = outDir.resolve("sheets/roster.pdf");
    Result r = Cli.run(dir, "roster", meetingId.toString(), "--out", pdf.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("4 participants");
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(new PDFTextStripper().getText(doc))
          .contains("Info coll Albi", "MARTIN Léa", "CAZALS Anne");
    }
    Path ics = outDir.resolve("info.ics");
    Result i = Cli.run(dir, "ics", meetingId.toString(), "--out", ics.toString());
    assertThat(i.code()).as(i.err()).isZero();
    assertThat(Files.readString(ics)).contains("BEGIN:VEVENT", "UID:" + meetingId + "@passerelle");
  }

  @Test
  void anUnknownOrMalformedMeetingIdIsExitTwoAndWritesNothing() {
    Path pdf = outDir.resolve("none.pdf");
    UUID unknown = UUID.randomUUID();
    Result r = Cli.run(dir, "roster", unknown.toString(), "--out", pdf.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("No meeting with id " + unknown + " in this data folder.");
    assertThat(pdf).doesNotExist();
    Result bad = Cli.run(dir, "ics", "42", "--out", outDir.resolve("x.ics").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("\"42\" is not a meeting id");
    assertThat(Cli.run(dir, "meetings", "show", unknown.toString()).code()).isEqualTo(2);
  }
}
