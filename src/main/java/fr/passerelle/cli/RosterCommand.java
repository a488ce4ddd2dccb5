package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.MeetingSheet;
import fr.passerelle.meetings.RosterPdf;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "roster", description = "Write a meeting's sign-in sheet (PDF).")
final class RosterCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "MEETING_ID")
  String meetingId;

  @Option(names = "--out", required = true, paramLabel = "FILE.pdf")
  Path out;

  @Option(
      names = "--walk-in-rows",
      paramLabel = "N",
      description = "Blank rows for walk-ins (default: ${DEFAULT-VALUE}).")
  int walkIns = 6;

  @Override
  protected int run(Services services) {
    MeetingSheet sheet =
        services
            .meetings()
            .document(MeetingIds.parse(meetingId), "PDF roster", out.toAbsolutePath().toString());
    MeetingIds.writeFile(
        out, o -> new RosterPdf(Math.max(0, walkIns)).write(sheet, services.meetings().now(), o));
    out()
        .printf(
            "Sign-in sheet of \"%s\" (%d participants) written to %s%n",
            sheet.meeting().title(), sheet.expected().size(), out.toAbsolutePath());
    return 0;
  }
}
