package fr.passerelle.meetings;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * One meeting as an RFC 5545 calendar file (no METHOD: an event to add, not an iTIP message, whose
 * PUBLISH would require an ORGANIZER e-mail address the office may not have; times in UTC so that
 * Outlook and Thunderbird place it right without a VTIMEZONE). The UID is the meeting id, so
 * importing an updated file updates the event; a cancelled meeting is exported with
 * STATUS:CANCELLED.
 */
public final class IcsExport {
  public void write(MeetingSheet sheet, Instant stamp, long sequence, OutputStream out)
      throws IOException {
    Meeting m = sheet.meeting();
    Instant start = m.startsAt().atZone(MeetingService.ZONE).toInstant();
    Instant end = m.endsAt().atZone(MeetingService.ZONE).toInstant();
    VEvent event = new VEvent(start, end, m.kind().frenchLabel() + " — " + m.title());
    event.add(new Uid(m.id() + "@passerelle"));
    // the constructor stamped it with the current time: ours is the meeting's last change
    event.replace(new DtStamp(stamp.atOffset(ZoneOffset.UTC).toInstant()));
    event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, sequence)));
    String location = where(m);
    if (!location.isEmpty()) {
      event.add(new Location(location));
    }
    event.add(new Description(description(sheet)));
    if (m.remoteLink() != null && m.remoteLink().matches("(?i)https?://\\S+")) {
      event.add(new Url(java.net.URI.create(m.remoteLink())));
    }
    event.add(
        m.status() == MeetingStatus.CANCELLED
            ? ImmutableStatus.VEVENT_CANCELLED
            : ImmutableStatus.VEVENT_CONFIRMED);
    Calendar cal = new Calendar();
    cal.add(new ProdId("-//Passerelle//Réunions//FR"));
    cal.add(ImmutableVersion.VERSION_2_0);
    cal.add(ImmutableCalScale.GREGORIAN);
    cal.add(event);
    new CalendarOutputter(true).output(cal, out);
  }

  private static String where(Meeting m) {
    List<String> parts = new ArrayList<>();
    if (m.place() != null) {
      parts.add(m.place());
    }
    if (m.room() != null) {
      parts.add("salle " + m.room());
    }
    return String.join(", ", parts);
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
    if (m.notes() != null) {
      lines.add(m.notes());
    }
    return String.join("\n", lines);
  }
}
