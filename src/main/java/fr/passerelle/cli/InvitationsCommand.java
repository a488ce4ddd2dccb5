package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.InvitationMails;
import fr.passerelle.meetings.MeetingSheet;
import java.nio.file.Path;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "invitations",
    description =
        "Prepare a meeting's invitation e-mails for your mail client: one .eml per convened"
            + " candidate with an e-mail, with the convocation (PDF) and the calendar invitation"
            + " (.ics) attached; a cancelled meeting gives the cancellations. Nothing is sent:"
            + " open each file, check it, send it.")
final class InvitationsCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "MEETING_ID")
  String meetingId;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder for the .eml files.")
  Path dir;

  @Option(names = "--counselor", paramLabel = "NAME", description = "Who signs.")
  String counselor;

  @Override
  protected int run(Services services) throws Exception {
    MeetingSheet sheet = MeetingIds.sheet(services, meetingId, counselor, "EML invitations", dir);
    UUID id = sheet.meeting().id();
    InvitationMails.Result r =
        new InvitationMails()
            .write(
                sheet,
                services.meetings().now(),
                services.meetings().changedAt(id),
                services.meetings().revision(id),
                dir);
    out().printf("%d e-mail(s) written to %s%n", r.files().size(), dir.toAbsolutePath());
    if (sheet.office().email().isBlank()) {
      err()
          .println(
              "No office mailbox: the messages have no sender and the .ics is a plain event, not"
                  + " a meeting request (set it with 'office set --email').");
    }
    if (!r.withoutEmail().isEmpty()) {
      err()
          .println(
              r.withoutEmail().size()
                  + " candidate(s) without an e-mail get the printed convocation only: "
                  + String.join(", ", r.withoutEmail()));
    }
    return 0;
  }
}
