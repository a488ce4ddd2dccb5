package fr.passerelle.cli;

import fr.passerelle.app.Services;
import fr.passerelle.meetings.ConvocationPdf;
import fr.passerelle.meetings.MeetingSheet;
import fr.passerelle.meetings.RosterPdf;
import fr.passerelle.printing.Printing;
import fr.passerelle.printing.PrintingException;
import java.time.LocalDateTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "print",
    description = {
      "Print a meeting's sign-in sheet (or its convocations) on a printer of this computer.",
      "When the computer cannot print, says why and exits with code 4: save the PDF with"
          + " 'roster MEETING_ID --out FILE.pdf' instead."
    })
final class PrintCommand extends ServiceCommand {
  @Parameters(index = "0", paramLabel = "MEETING_ID")
  String meetingId;

  @Option(
      names = "--printer",
      paramLabel = "NAME",
      description = "Printer name (see 'printers'; default: the system's default printer).")
  String printer;

  @Option(names = "--convocations", description = "Print the convocations, not the sign-in sheet.")
  boolean convocations;

  @Option(
      names = "--copies",
      paramLabel = "N",
      description = "Number of copies (default: ${DEFAULT-VALUE}).")
  int copies = 1;

  @Override
  protected int run(Services services) {
    String kind = convocations ? "Convocations" : "Sign-in sheet";
    MeetingSheet sheet =
        services
            .meetings()
            .document(
                MeetingIds.parse(meetingId),
                "printed " + kind,
                printer == null ? "default printer" : printer);
    LocalDateTime at = services.meetings().now();
    Printing.Pdf pdf =
        convocations
            ? o -> new ConvocationPdf().write(sheet, at, o)
            : o -> new RosterPdf().write(sheet, at, o);
    try {
      String used =
          Printing.system()
              .print(kind + " — " + sheet.meeting().title(), pdf, printer, Math.max(1, copies));
      out().printf("%s of \"%s\" sent to the printer %s%n", kind, sheet.meeting().title(), used);
      return 0;
    } catch (PrintingException e) {
      err().println(e.getMessage());
      err()
          .println(
              convocations
                  ? "Nothing was printed. Save the convocations as a PDF from the window"
                      + " (Meetings, Convocations) and print them elsewhere."
                  : "Nothing was printed. Save the PDF instead: passerelle roster "
                      + meetingId
                      + " --out FILE.pdf");
      err().flush();
      return PrintingException.EXIT_CODE;
    }
  }
}
