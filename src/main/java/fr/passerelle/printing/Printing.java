package fr.passerelle.printing;

import java.awt.print.Pageable;
import java.awt.print.PrinterAbortException;
import java.awt.print.PrinterException;
import java.awt.print.PrinterIOException;
import java.awt.print.PrinterJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct printing of the PDF documents (sign-in sheets, convocations) on the system's printers:
 * Windows and macOS print services, CUPS on Linux (through {@code lpr}, as Java does there). When
 * the computer cannot print — no print service, no printer of that name, no print command — it says
 * so in a {@link PrintingException} that the window turns into an offer to save the PDF and the
 * command line into exit code 4. Every failure is logged with its cause.
 */
public final class Printing {
  private static final Logger log = LoggerFactory.getLogger(Printing.class);
  private static final Pattern MISSING_PROGRAM = Pattern.compile("Cannot run program \"([^\"]+)\"");
  private static final Pattern COMMAND_FAILED = Pattern.compile("error=\\d+ running: [^\\n]*");

  /** The print services the system offers (all, and the default one if any). */
  public interface Printers {
    List<PrintService> all();

    Optional<PrintService> byDefault();
  }

  /** Sends pages to a printer; {@link PrinterJob} in the application, a stand-in in tests. */
  @FunctionalInterface
  public interface Spooler {
    void print(PrintService printer, String jobName, Pageable pages, int copies)
        throws PrinterException;
  }

  /** What the PDF's content is written by. */
  @FunctionalInterface
  public interface Pdf {
    void write(OutputStream out) throws IOException;
  }

  /** The printers to choose from, by name, and the default one if the system names one. */
  public record Choices(List<String> printers, Optional<String> defaultPrinter) {
    public boolean none() {
      return printers.isEmpty();
    }
  }

  private final Printers printers;
  private final Spooler spooler;

  public Printing(Printers printers, Spooler spooler) {
    this.printers = printers;
    this.spooler = spooler;
  }

  /** The system's printers (javax.print lookup) and its print jobs (java.awt.print). */
  public static Printing system() {
    return new Printing(
        new Printers() {
          @Override
          public List<PrintService> all() {
            return Arrays.asList(PrintServiceLookup.lookupPrintServices(null, null));
          }

          @Override
          public Optional<PrintService> byDefault() {
            return Optional.ofNullable(PrintServiceLookup.lookupDefaultPrintService());
          }
        },
        SYSTEM_SPOOLER);
  }

  private static final Spooler SYSTEM_SPOOLER =
      (printer, jobName, pages, copies) -> {
        PrinterJob job = PrinterJob.getPrinterJob();
        job.setPrintService(printer);
        job.setJobName(jobName);
        job.setPageable(pages);
        job.setCopies(copies);
        job.print();
      };

  /** How this prints: the system's print job unless a test gave another. */
  public Spooler spooler() {
    return spooler;
  }

  /**
   * The printers to offer. None is not an error here (the window then offers the PDF), but it is
   * logged: it is the first thing to look at when a counselor says printing does not work.
   */
  public Choices choices() {
    List<String> names = printers.all().stream().map(PrintService::getName).toList();
    if (names.isEmpty()) {
      log.warn("Printing: the system offers no print service (no printer installed or reachable)");
    }
    Optional<String> byDefault = printers.byDefault().map(PrintService::getName);
    return new Choices(names, byDefault.filter(names::contains));
  }

  /**
   * Prints {@code copies} copies of the PDF on the printer named {@code printerName} (the system's
   * default, else the first printer, when null or blank); returns the printer's name.
   *
   * @throws PrintingException when nothing could be printed, saying why
   */
  public String print(String jobName, Pdf pdf, String printerName, int copies) {
    PrintService printer = find(jobName, printerName);
    byte[] bytes = render(pdf);
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      Pageable pages = new PDFPageable(doc);
      spooler.print(printer, jobName, pages, Math.max(1, copies));
      log.info(
          "Printed \"{}\" on {} ({} pages, {} copies)",
          jobName,
          printer.getName(),
          pages.getNumberOfPages(),
          copies);
      return printer.getName();
    } catch (PrinterException e) {
      throw failure(jobName, printer.getName(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read back the document to print: " + e, e);
    }
  }

  private PrintService find(String jobName, String printerName) {
    List<PrintService> all = printers.all();
    if (all.isEmpty()) {
      PrintingException e =
          new PrintingException(
              PrintingException.Reason.NO_PRINT_SERVICE,
              "No printer is available on this computer: the system offers no print service.",
              null);
      e.keyed("printing.noPrintService");
      log.warn("Printing \"{}\" impossible: the system offers no print service", jobName);
      throw e;
    }
    if (printerName == null || printerName.isBlank()) {
      return printers.byDefault().filter(all::contains).orElse(all.get(0));
    }
    for (PrintService s : all) {
      if (s.getName().equalsIgnoreCase(printerName.trim())) {
        return s;
      }
    }
    String names = String.join(", ", all.stream().map(PrintService::getName).toList());
    PrintingException e =
        new PrintingException(
            PrintingException.Reason.UNKNOWN_PRINTER,
            "There is no printer named \""
                + printerName
                + "\" on this computer; printers: "
                + names,
            null);
    e.keyed("printing.unknownPrinter", printerName, names);
    log.warn(
        "Printing \"{}\" impossible: no printer named \"{}\" ({})", jobName, printerName, names);
    throw e;
  }

  /** The failure said in words; logged with its whole cause. */
  private static PrintingException failure(String jobName, String printer, PrinterException e) {
    PrintingException out;
    Optional<String> program = missingProgram(e);
    if (program.isPresent()) {
      out =
          new PrintingException(
              PrintingException.Reason.NO_PRINT_COMMAND,
              "Cannot print on \""
                  + printer
                  + "\": the system's print command ("
                  + program.get()
                  + ") is missing (on Debian or Ubuntu: apt-get install cups-bsd).",
              e);
      out.keyed("printing.noPrintCommand", printer, program.get());
    } else {
      String cause = describe(e);
      out =
          new PrintingException(
              PrintingException.Reason.FAILED,
              "Printing on \"" + printer + "\" failed: " + cause,
              e);
      out.keyed("printing.failed", printer, cause);
    }
    log.warn("Printing \"{}\" on {} failed: {}", jobName, printer, out.getMessage(), e);
    return out;
  }

  /** "Cannot run program "/usr/bin/lpr"" anywhere in the causes: the program's name. */
  static Optional<String> missingProgram(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      String m = t.getMessage();
      if (m != null) {
        Matcher matcher = MISSING_PROGRAM.matcher(m);
        if (matcher.find()) {
          return Optional.of(matcher.group(1));
        }
      }
    }
    return Optional.empty();
  }

  private static Throwable next(Throwable t) {
    if (t instanceof PrinterIOException p && p.getIOException() != t.getCause()) {
      return p.getIOException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  /**
   * The deepest message of the causes, or the failure's type when none has one. When the print
   * command failed ("error=1 running: '/usr/bin/lpr' … then its own output"), what the command said
   * (e.g. "Error - The printer or class does not exist."), not how it was run.
   */
  static String describe(PrinterException e) {
    if (e instanceof PrinterAbortException) {
      return "the job was cancelled";
    }
    String found = null;
    for (Throwable t = e; t != null; t = next(t)) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        found = t.getMessage();
      }
    }
    if (found == null) {
      return e.getClass().getSimpleName();
    }
    Matcher command = COMMAND_FAILED.matcher(found);
    if (command.find()) {
      String[] lines = found.substring(command.end()).strip().split("\\R");
      String said = lines[lines.length - 1].strip().replaceFirst("^/?[\\w/.-]*lpr?:\\s*", "");
      return said.isEmpty() ? found.strip() : said;
    }
    return found.strip();
  }

  private static byte[] render(Pdf pdf) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      pdf.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the document to print: " + e, e);
    }
    return out.toByteArray();
  }
}
