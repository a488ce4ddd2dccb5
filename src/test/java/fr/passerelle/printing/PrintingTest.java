package fr.passerelle.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.testsupport.LogCapture;
import java.awt.print.PrinterIOException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.print.PrintService;
import javax.print.StreamPrintService;
import javax.print.StreamPrintServiceFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Printing without a printer: the system's own print job sends the pages to a PostScript stream
 * (what Java spools to lpr on Linux), and the failures a counselor meets are said in words and
 * logged with their cause.
 */
class PrintingTest {
  private final LogCapture log = new LogCapture(Printing.class);

  @AfterEach
  void close() {
    log.close();
  }

  private static Printing.Pdf pages(int n) {
    return out -> {
      try (PDDocument doc = new PDDocument()) {
        for (int i = 0; i < n; i++) {
          doc.addPage(new PDPage(PDRectangle.A4));
        }
        doc.save(out);
      }
    };
  }

  private static Printing.Printers only(List<PrintService> services, PrintService byDefault) {
    return new Printing.Printers() {
      @Override
      public List<PrintService> all() {
        return services;
      }

      @Override
      public Optional<PrintService> byDefault() {
        return Optional.ofNullable(byDefault);
      }
    };
  }

  private static StreamPrintService postscript(ByteArrayOutputStream out) {
    StreamPrintServiceFactory[] factories =
        StreamPrintServiceFactory.lookupStreamPrintServiceFactories(null, "application/postscript");
    assertThat(factories).as("the JDK's PostScript stream service").isNotEmpty();
    return factories[0].getPrintService(out);
  }

  @Test
  void theSystemPrintJobSendsEveryPageOfThePdfToThePrinter() {
    ByteArrayOutputStream spooled = new ByteArrayOutputStream();
    StreamPrintService ps = postscript(spooled);
    Printing printing = new Printing(only(List.of(ps), ps), Printing.system().spooler());

    assertThat(printing.choices().printers()).containsExactly(ps.getName());
    assertThat(printing.choices().defaultPrinter()).contains(ps.getName());
    String used = printing.print("Feuille d'émargement — Info coll", pages(3), null, 1);

    assertThat(used).isEqualTo(ps.getName());
    String postscript = spooled.toString(StandardCharsets.ISO_8859_1);
    assertThat(postscript).startsWith("%!PS");
    assertThat(postscript.split("%%Page: ", -1)).hasSize(4);
    assertThat(log.lines()).anyMatch(l -> l.startsWith("INFO Printed") && l.contains("3 pages"));
  }

  @Test
  void noPrintServiceIsSaidInFrenchAndLogged() {
    Printing printing =
        new Printing(
            only(List.of(), null),
            (p, n, pages, c) -> {
              throw new AssertionError("nothing to print on");
            });

    assertThat(printing.choices().none()).isTrue();
    assertThatThrownBy(() -> printing.print("Feuille", pages(1), null, 1))
        .isInstanceOfSatisfying(
            PrintingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PrintingException.Reason.NO_PRINT_SERVICE);
              assertThat(e.exitCode()).isEqualTo(6);
              assertThat(e.key()).contains("printing.noPrintService");
              assertThat(
                      new fr.passerelle.ui.Messages(fr.passerelle.ui.Messages.FRENCH).describe(e))
                  .startsWith("Aucune imprimante n'est disponible sur ce poste");
            });
    assertThat(log.lines())
        .anyMatch(l -> l.startsWith("WARN") && l.contains("no print service"))
        .anyMatch(l -> l.startsWith("WARN Printing \"Feuille\" impossible"));
  }

  @Test
  void aMissingLprIsNamedAndItsCauseLogged() {
    ByteArrayOutputStream ignored = new ByteArrayOutputStream();
    StreamPrintService ps = postscript(ignored);
    // what PSPrinterJob throws on Linux when /usr/bin/lpr is not installed
    Printing printing =
        new Printing(
            only(List.of(ps), null),
            (p, n, pages, c) -> {
              throw new PrinterIOException(
                  new IOException(
                      "Cannot run program \"/usr/bin/lpr\": error=2, No such file or directory"));
            });

    assertThatThrownBy(() -> printing.print("Feuille", pages(1), ps.getName(), 1))
        .isInstanceOfSatisfying(
            PrintingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PrintingException.Reason.NO_PRINT_COMMAND);
              assertThat(e.getMessage()).contains("/usr/bin/lpr", "cups-bsd");
              assertThat(
                      new fr.passerelle.ui.Messages(fr.passerelle.ui.Messages.FRENCH).describe(e))
                  .contains("la commande d'impression du système (/usr/bin/lpr) est introuvable");
            });
    assertThat(log.lines())
        .anyMatch(
            l ->
                l.startsWith("WARN Printing \"Feuille\"")
                    && l.contains("[java.awt.print.PrinterIOException"));
  }

  @Test
  void anUnknownPrinterNameListsThePrintersThere() {
    StreamPrintService ps = postscript(new ByteArrayOutputStream());
    List<String> spooled = new ArrayList<>();
    Printing printing =
        new Printing(only(List.of(ps), null), (p, n, pages, c) -> spooled.add(p.getName()));

    assertThatThrownBy(() -> printing.print("Feuille", pages(1), "Salle 2 HP", 1))
        .isInstanceOfSatisfying(
            PrintingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PrintingException.Reason.UNKNOWN_PRINTER);
              assertThat(e.getMessage()).contains("\"Salle 2 HP\"", ps.getName());
            });
    // a name matches whatever its case; no default: the first printer
    printing.print("Feuille", pages(1), ps.getName().toUpperCase(java.util.Locale.ROOT), 1);
    printing.print("Feuille", pages(1), null, 1);
    assertThat(spooled).containsExactly(ps.getName(), ps.getName());
  }

  @Test
  void aFailingPrintCommandIsReportedByWhatItSaid() {
    // what PSPrinterJob throws when lpr runs but CUPS refuses the job (seen with cupsd stopped)
    PrinterIOException refused =
        new PrinterIOException(
            new IOException(
                "error=1 running: '/usr/bin/lpr' '-PPDF' '-JFeuille' '-h' '/tmp/javaprint1.ps'\n"
                    + "/usr/bin/lpr: Error - The printer or class does not exist."));
    assertThat(Printing.describe(refused))
        .isEqualTo("Error - The printer or class does not exist.");
  }

  @Test
  void anyOtherFailureKeepsTheDeepestCause() {
    StreamPrintService ps = postscript(new ByteArrayOutputStream());
    Printing printing =
        new Printing(
            only(List.of(ps), ps),
            (p, n, pages, c) -> {
              throw new PrinterIOException(new IOException("printer is out of paper"));
            });
    assertThatThrownBy(() -> printing.print("Feuille", pages(1), null, 2))
        .isInstanceOfSatisfying(
            PrintingException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(PrintingException.Reason.FAILED);
              assertThat(e.getMessage()).endsWith("failed: printer is out of paper");
            });
  }
}
