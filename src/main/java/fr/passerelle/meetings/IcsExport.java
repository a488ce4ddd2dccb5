package fr.passerelle.meetings;

import fr.passerelle.db.TextNorm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.CuType;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * One meeting as an iCalendar file that Outlook and Thunderbird treat as a meeting request (RFC
 * 5545, iTIP RFC 5546):
 *
 * <ul>
 *   <li>{@code METHOD:REQUEST}, the office's mailbox as {@code ORGANIZER}, each recipient with an
 *       e-mail as {@code ATTENDEE} (RSVP), a reminder the day before ({@code VALARM});
 *   <li>{@code METHOD:CANCEL} with {@code STATUS:CANCELLED} once the meeting is cancelled, so that
 *       the event leaves the calendars it was added to;
 *   <li>the {@code UID} is the meeting id, the {@code SEQUENCE} grows with each change, {@code
 *       DTSTAMP} is the meeting's last change: an updated file replaces the event;
 *   <li>times in UTC (no VTIMEZONE needed), converted from the office's time zone;
 *   <li>lines folded at 75 octets, never inside a UTF-8 character.
 * </ul>
 *
 * Without an office mailbox there can be no iTIP message (REQUEST and CANCEL require an ORGANIZER):
 * the file is then a plain event to add, with no METHOD and no attendees.
 */
public final class IcsExport {
  /** The longest line, in octets without the CRLF (RFC 5545, 3.1). */
  static final int FOLD = 75;

  /**
   * Writes the calendar for {@code sheet}'s recipients (all of them, or the one of {@link
   * MeetingSheet#onlyFor}: a candidate's invitation lists no other candidate).
   */
  public void write(MeetingSheet sheet, Instant stamp, long sequence, OutputStream out)
      throws IOException {
    Meeting m = sheet.meeting();
    boolean cancelled = m.status() == MeetingStatus.CANCELLED;
    boolean itip = !sheet.office().email().isBlank();
    Instant start = m.startsAt().atZone(sheet.zone()).toInstant();
    Instant end = m.endsAt().atZone(sheet.zone()).toInstant();
    VEvent event = new VEvent(start, end, summary(m));
    event.add(new Uid(m.id() + "@passerelle"));
    // the constructor stamped it with the current time: ours is the meeting's last change
    event.replace(new DtStamp(stamp));
    event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, sequence)));
    String location = m.placeAndRoom();
    if (!location.isEmpty()) {
      event.add(new Location(location));
    }
    event.add(new Description(description(sheet)));
    if (m.remoteLink() != null && m.remoteLink().matches("(?i)https?://\\S+")) {
      event.add(new Url(URI.create(m.remoteLink())));
    }
    event.add(cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    if (itip) {
      Organizer organizer = new Organizer(mailto(sheet.office().email()));
      if (!sheet.officeName().isBlank()) {
        organizer.add(new Cn(sheet.officeName()));
      }
      event.add(organizer);
      for (MeetingSheet.Recipient r : sheet.recipients()) {
        if (r.email().isBlank()) {
          continue;
        }
        Attendee a = new Attendee(mailto(r.email()));
        a.add(new Cn(r.participant().printedName()));
        a.add(CuType.INDIVIDUAL);
        a.add(Role.REQ_PARTICIPANT);
        a.add(PartStat.NEEDS_ACTION);
        a.add(Rsvp.TRUE);
        event.add(a);
      }
    }
    if (!cancelled) {
      VAlarm alarm = new VAlarm(Duration.ofDays(-1));
      alarm.add(ImmutableAction.DISPLAY);
      alarm.add(new Description("Rappel : " + summary(m)));
      event.add(alarm);
    }
    Calendar cal = new Calendar();
    cal.add(new ProdId("-//Passerelle//Réunions//FR"));
    cal.add(ImmutableVersion.VERSION_2_0);
    cal.add(ImmutableCalScale.GREGORIAN);
    if (itip) {
      cal.add(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
    }
    cal.add(event);
    ByteArrayOutputStream unfolded = new ByteArrayOutputStream();
    new CalendarOutputter(false).output(cal, unfolded);
    out.write(fold(unfolded.toByteArray()));
  }

  /** The iTIP method this meeting's file carries, or null for a plain event (no mailbox). */
  public static String method(MeetingSheet sheet) {
    if (sheet.office().email().isBlank()) {
      return null;
    }
    return sheet.meeting().status() == MeetingStatus.CANCELLED ? "CANCEL" : "REQUEST";
  }

  /** The title, with the kind in front unless the title already says it ("Job dating …"). */
  static String summary(Meeting m) {
    String kind = m.kind().frenchLabel();
    if (TextNorm.normalize(m.title()).contains(TextNorm.normalize(kind))) {
      return m.title();
    }
    return kind + " — " + m.title();
  }

  private static URI mailto(String email) {
    return URI.create("mailto:" + email.strip().replace(" ", "%20"));
  }

  /**
   * RFC 5545 folding: lines of at most 75 octets, each continuation starting with a space, never
   * cutting a UTF-8 sequence. The input's lines end with CRLF.
   */
  static byte[] fold(byte[] unfolded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(unfolded.length + unfolded.length / 50);
    int lineStart = 0;
    for (int i = 0; i < unfolded.length; i++) {
      if (unfolded[i] == '\r' && i + 1 < unfolded.length && unfolded[i + 1] == '\n') {
        foldLine(unfolded, lineStart, i, out);
        out.write('\r');
        out.write('\n');
        i++;
        lineStart = i + 1;
      }
    }
    if (lineStart < unfolded.length) {
      foldLine(unfolded, lineStart, unfolded.length, out);
    }
    return out.toByteArray();
  }

  private static void foldLine(byte[] b, int from, int to, ByteArrayOutputStream out) {
    int room = FOLD;
    int i = from;
    while (to - i > room) {
      int cut = i + room;
      while (cut > i && (b[cut] & 0xC0) == 0x80) {
        cut--; // a continuation byte: cut before the character it belongs to
      }
      out.write(b, i, cut - i);
      out.write('\r');
      out.write('\n');
      out.write(' ');
      i = cut;
      room = FOLD - 1;
    }
    out.write(b, i, to - i);
  }

  private static String description(MeetingSheet s) {
    Meeting m = s.meeting();
    List<String> lines = new ArrayList<>();
    lines.add(m.kind().frenchLabel());
    if (!s.organisers().isEmpty()) {
      lines.add("Organisé par : " + String.join(", ", s.organisers()));
    }
    if (!m.partners().isEmpty()) {
      lines.add(
          "Partenaires : "
              + m.partners().stream().map(Partner::displayName).collect(Collectors.joining(", ")));
    }
    if (m.remoteLink() != null) {
      lines.add("À distance : " + m.remoteLink());
    }
    List<String> contact = new ArrayList<>();
    if (!s.office().phone().isBlank()) {
      contact.add("tél. " + s.office().phone());
    }
    if (!s.office().email().isBlank()) {
      contact.add(s.office().email());
    }
    if (!contact.isEmpty()) {
      lines.add("Contact : " + s.officeName() + ", " + String.join(", ", contact));
    }
    if (m.notes() != null) {
      lines.add(m.notes());
    }
    return String.join("\n", lines);
  }
}
