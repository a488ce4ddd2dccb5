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

@Command(
    name = "ics",
    description =
        "Write a meeting as a calendar invitation (iTIP REQUEST, or CANCEL once cancelled, from"
            + " the office's mailbox to every convened candidate with an e-mail).")
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
    Instant stamp = services.meetings().changedAt(id);
    MeetingIds.writeFile(out, o -> new IcsExport().write(sheet, stamp, revision, o));
    String method = IcsExport.method(sheet);
    out()
        .println(
            (method == null
                    ? "Calendar file (plain event: no office mailbox)"
                    : "Calendar " + method)
                + " written to "
                + out.toAbsolutePath());
    return 0;
  }
}
