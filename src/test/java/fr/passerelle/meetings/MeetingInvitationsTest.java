package fr.passerelle.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.app.Services;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.testsupport.TestServices;
import fr.passerelle.testsupport.TestServices.ManualClock;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ITIPValidator;
import net.fortuna.ical4j.validate.ValidationEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invitations Outlook and Thunderbird treat as meeting requests: the .ics read back with ical4j and
 * checked with its iTIP rules (REQUEST, then CANCEL), lines of at most 75 octets, and the .eml per
 * candidate read back with Jakarta Mail.
 */
class MeetingInvitationsTest {
  @TempDir Path dir;
  private final ManualClock clock = new ManualClock();
  private Services services;
  private MeetingFixture fixture;
  private Meeting meeting;
  private List<UUID> people;

  @BeforeEach
  void open() {
    services = TestServices.open(dir.resolve("db"), clock);
    services.offices().init("Agence Toulouse Matabiau", OfficeKind.FRANCE_TRAVAIL, null);
    services
        .offices()
        .updateContact(
            "12 rue Bayard\n31000 Toulouse", "05 61 00 00 00", "agence.matabiau@example.fr", null);
    services.meetings().setCounselor("Claire Dupont");
    fixture = new MeetingFixture(services);
    MeetingDraft d =
        fixture.draft(
            "Information collective — préparation de commandes, caristes et agents"
                + " de quai (entrepôts de Fenouillet, Saint-Jory et Bruguières)",
            MeetingFixture.NEXT_MONDAY.atTime(9, 30),
            150,
            2);
    meeting = services.meetings().create(with(d, "Salle Garonne", null));
    people = fixture.candidates(3); // Martin Léa, Bernard Chloé, Thomas Inès
    fixture.email(people.get(1), "chloe.bernard@example.fr");
    fixture.email(people.get(2), "ines.thomas@example.fr");
    services.participants().inviteCandidates(meeting.id(), people); // the third is waitlisted
  }

  @AfterEach
  void close() {
    services.close();
  }

  private static MeetingDraft with(MeetingDraft d, String room, String notes) {
    return new MeetingDraft(
        d.officeId(),
        d.coOfficeId(),
        d.kind(),
        d.title(),
        d.startsAt(),
        d.endsAt(),
        d.place(),
        room,
        d.remoteLink(),
        d.capacity(),
        d.romeCode(),
        d.offerId(),
        notes,
        d.partners());
  }

  private byte[] ics(MeetingSheet sheet) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new IcsExport()
        .write(
            sheet,
            services.meetings().changedAt(meeting.id()),
            services.meetings().revision(meeting.id()),
            out);
    return out.toByteArray();
  }

  private static Calendar parse(byte[] ics) throws Exception {
    return new CalendarBuilder().build(new ByteArrayInputStream(ics));
  }

  private static void assertFoldedAt75Octets(byte[] ics) {
    String text = new String(ics, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n");
    for (String line : text.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    assertThat(text).as("some lines were folded").contains("\r\n ");
  }

  private static long sequence(VEvent e) {
    return Long.parseLong(e.getProperty(Property.SEQUENCE).orElseThrow().getValue());
  }

  private static List<ValidationEntry> itipErrors(Calendar cal) throws Exception {
    List<ValidationEntry> out = new ArrayList<>(new ITIPValidator().validate(cal).getEntries());
    out.addAll(cal.validate().getEntries());
    return out;
  }

  @Test
  void aMeetingRequestFromTheOfficesMailboxToEachConvenedCandidateWithAnEmail() throws Exception {
    byte[] bytes = ics(services.meetings().sheet(meeting.id()));
    assertFoldedAt75Octets(bytes);
    Calendar cal = parse(bytes);
    assertThat(itipErrors(cal)).as("ical4j's iTIP (REQUEST) and RFC 5545 rules").isEmpty();
    assertThat(cal.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    VEvent e = (VEvent) cal.getComponent("VEVENT").orElseThrow();
    assertThat(e.getProperty(Property.ORGANIZER).orElseThrow().getValue())
        .isEqualTo("mailto:agence.matabiau@example.fr");
    assertThat(e.<Property>getProperties(Property.ATTENDEE))
        .extracting(Property::getValue)
        .as("the waitlisted candidate and the one without e-mail are not attendees")
        .containsExactly("mailto:chloe.bernard@example.fr");
    assertThat(e.getSummary().getValue())
        .as("the kind is not repeated when the title says it")
        .startsWith("Information collective — préparation");
    assertThat(e.getLocation().getValue())
        .isEqualTo("Agence Toulouse Matabiau, 12 rue Bayard, Salle Garonne");
    assertThat(e.getDescription().getValue())
        .contains("Contact : Agence Toulouse Matabiau, tél. 05 61 00 00 00");
    assertThat(e.getComponents("VALARM")).hasSize(1);
    assertThat(
            e.getComponents("VALARM").get(0).getProperty(Property.TRIGGER).orElseThrow().getValue())
        .isEqualTo("-P1D");
    assertThat(sequence(e)).isPositive();
  }

  @Test
  void aCancelledMeetingIsACancelWithAHigherSequenceAndTheSameUid() throws Exception {
    byte[] requestBytes = ics(services.meetings().sheet(meeting.id()));
    Calendar request = parse(requestBytes);
    clock.advanceMillis(60_000);
    services.meetings().cancel(meeting.id());
    byte[] bytes = ics(services.meetings().sheet(meeting.id()));
    assertFoldedAt75Octets(bytes);
    Calendar cancel = parse(bytes);
    assertThat(itipErrors(cancel)).as("ical4j's iTIP (CANCEL) rules").isEmpty();
    assertThat(cancel.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("CANCEL");
    VEvent before = (VEvent) request.getComponent("VEVENT").orElseThrow();
    VEvent after = (VEvent) cancel.getComponent("VEVENT").orElseThrow();
    assertThat(after.getUid()).isEqualTo(before.getUid());
    assertThat(sequence(after)).isGreaterThan(sequence(before));
    assertThat(after.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
    assertThat(after.getComponents("VALARM")).isEmpty();
    String look = System.getProperty("meetings.look");
    if (look != null) { // for a second parser (Python icalendar), see docs/meetings.md
      Files.write(Files.createDirectories(Path.of(look)).resolve("request.ics"), requestBytes);
      Files.write(Path.of(look).resolve("cancel.ics"), bytes);
    }
    assertThat(after.<Property>getProperties(Property.ATTENDEE)).hasSize(1);
  }

  @Test
  void foldingNeverCutsACharacterAndUnfoldsToTheSameText() throws Exception {
    String notes =
        "Éléments à préparer : « CV », pièce d'identité ; accès PMR côté rue. ".repeat(6);
    services
        .meetings()
        .update(meeting.id(), with(meeting.toDraft(), meeting.room(), notes.strip()));
    byte[] bytes = ics(services.meetings().sheet(meeting.id()));
    assertFoldedAt75Octets(bytes);
    VEvent e = (VEvent) parse(bytes).getComponent("VEVENT").orElseThrow();
    assertThat(e.getDescription().getValue()).endsWith(notes.strip());
  }

  @Test
  void withoutAnOfficeMailboxTheFileIsAPlainEventThatStillValidates() throws Exception {
    services.offices().updateContact(null, null, "", null);
    Calendar cal = parse(ics(services.meetings().sheet(meeting.id())));
    assertThat(cal.getProperty(Property.METHOD)).isEmpty();
    assertThat(cal.validate().getEntries()).isEmpty();
    VEvent e = (VEvent) cal.getComponent("VEVENT").orElseThrow();
    assertThat(e.<Property>getProperties(Property.ATTENDEE)).isEmpty();
    assertThat(e.getProperty(Property.ORGANIZER)).isEmpty();
  }

  @Test
  void oneEmlPerCandidateWithAnEmailWithTheirConvocationAndTheirOwnInvitation() throws Exception {
    MeetingSheet sheet = services.meetings().sheet(meeting.id());
    Path out = dir.resolve("mails");
    InvitationMails.Result r =
        new InvitationMails()
            .write(
                sheet,
                LocalDateTime.of(2026, 1, 5, 10, 0),
                services.meetings().changedAt(meeting.id()),
                services.meetings().revision(meeting.id()),
                out);
    assertThat(r.files())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("BERNARD Chloé.eml");
    assertThat(r.withoutEmail()).containsExactly("MARTIN Léa");

    MimeMessage msg;
    try (InputStream in = Files.newInputStream(r.files().get(0))) {
      msg = new MimeMessage(Session.getInstance(new Properties()), in);
    }
    assertThat(msg.getHeader("X-Unsent", null)).isEqualTo("1");
    assertThat(msg.getFrom()[0].toString()).contains("agence.matabiau@example.fr");
    assertThat(msg.getAllRecipients()).hasSize(1);
    assertThat(msg.getAllRecipients()[0].toString()).contains("chloe.bernard@example.fr");
    assertThat(msg.getSubject()).startsWith("Convocation : Information collective");
    Multipart parts = (Multipart) msg.getContent();
    assertThat(parts.getCount()).isEqualTo(3);
    Part text = parts.getBodyPart(0);
    assertThat((String) text.getContent())
        .contains("Bonjour Chloé Bernard,", "05 61 00 00 00", "Claire Dupont");
    Part calendar = parts.getBodyPart(1);
    assertThat(calendar.getContentType()).contains("text/calendar").contains("method=REQUEST");
    assertThat(calendar.getFileName()).isEqualTo("invitation.ics");
    Calendar cal = parse(calendar.getInputStream().readAllBytes());
    assertThat(itipErrors(cal)).isEmpty();
    VEvent e = (VEvent) cal.getComponent("VEVENT").orElseThrow();
    assertThat(e.<Property>getProperties(Property.ATTENDEE))
        .extracting(Property::getValue)
        .containsExactly("mailto:chloe.bernard@example.fr");
    Part pdf = parts.getBodyPart(2);
    assertThat(pdf.getContentType()).contains("application/pdf");
    List<String> pages = MeetingDocumentsTest.pagesOf(pdf.getInputStream().readAllBytes());
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0)).contains("BERNARD Chloé", "Bonjour Chloé Bernard,");
  }
}
