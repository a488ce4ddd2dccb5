package fr.passerelle.cli;

import fr.passerelle.core.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Shared by the meeting verbs: parse a meeting id, write a file all or nothing. */
final class MeetingIds {
  private MeetingIds() {}

  static UUID parse(String text) {
    try {
      return UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(
          "MEETING_ID \""
              + text
              + "\" is not a meeting id (expected a UUID, see 'meetings list').");
    }
  }

  /**
   * The meeting's sheet for a document of {@code kind} written to {@code target} (checked and
   * audited by the service), signed by {@code counselor} when given (else the workstation's).
   */
  static fr.passerelle.meetings.MeetingSheet sheet(
      fr.passerelle.app.Services services,
      String meetingId,
      String counselor,
      String kind,
      Path target) {
    var sheet =
        services.meetings().document(parse(meetingId), kind, target.toAbsolutePath().toString());
    if (counselor == null) {
      return sheet;
    }
    var o = sheet.office();
    return new fr.passerelle.meetings.MeetingSheet(
        sheet.meeting(),
        new fr.passerelle.meetings.MeetingSheet.Office(
            o.name(), o.address(), o.phone(), o.email(), counselor.strip()),
        sheet.organisers(),
        sheet.expected(),
        sheet.recipients(),
        sheet.zone());
  }

  /** What writes the file's content. */
  interface Content {
    void write(OutputStream out) throws IOException;
  }

  /** Writes next to {@code target} then moves it into place: no half-written file on failure. */
  static void writeFile(Path target, Content content) {
    Path abs = target.toAbsolutePath();
    try {
      Path dir = abs.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, ".passerelle-", ".part");
      try {
        try (OutputStream out = Files.newOutputStream(tmp)) {
          content.write(out);
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + abs + ": " + e.getMessage(), e);
    }
  }
}
