package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.ConvocationPdf;
import fr.passerelle.meetings.MeetingSheet;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "convocations",
    description =
        "Write a meeting's convocations (PDF/A): one letter per candidate holding a place, addressed"
            + " by name, with the office's address, phone and the counselor's name.")
final class ConvocationsCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "MEETING_ID")
  String meetingId;

  @Option(names = "--out", required = true, paramLabel = "FILE.pdf")
  Path out;

  @Option(
      names = "--counselor",
      paramLabel = "NAME",
      description =
          "Who signs (default: the workstation's counselor, see 'office set --counselor').")
  String counselor;

  @Override
  protected int run(Services services) {
    MeetingSheet sheet = MeetingIds.sheet(services, meetingId, counselor, "PDF convocations", out);
    int[] n = new int[1];
    MeetingIds.writeFile(
        out, o -> n[0] = new ConvocationPdf().write(sheet, services.meetings().now(), o));
    out()
        .printf(
            "%d convocation(s) for \"%s\" written to %s%n",
            n[0], sheet.meeting().title(), out.toAbsolutePath());
    return 0;
  }
}
