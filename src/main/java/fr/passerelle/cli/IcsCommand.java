package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.IcsExport;
import fr.passerelle.meetings.MeetingSheet;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ics", description = "Write a meeting as a calendar file (RFC 5545).")
final class IcsCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "MEETING_ID")
  String meetingId;

  @Option(names = "--out", required = true, paramLabel = "FILE.ics")
  Path out;

  @Override
  protected int run(Services services) {
    UUID id = MeetingIds.parse(meetingId);
    MeetingSheet sheet = services.meetings().document(id, "ICS", out.toAbsolutePath().toString());
    long revision = services.meetings().revision(id);
    MeetingIds.writeFile(
        out,
        o ->
            new IcsExport()
                .write(sheet, Instant.ofEpochMilli(services.clock().millis()), revision, o));
    out().println("Calendar file written to " + out.toAbsolutePath());
    return 0;
  }
}
