package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.MeetingSheet;
import fr.passerelle.meetings.RosterPdf;
import java.awt.print.PrinterJob;
import java.time.LocalDateTime;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;

/** Direct printing: the roster laid out by PDFBox, sent through the system's print dialog. */
final class AwtRosterPrinter implements MeetingsViewModel.RosterPrinter {
  @Override
  public boolean print(MeetingSheet sheet, LocalDateTime printedAt) throws Exception {
    try (PDDocument doc = new PDDocument()) {
      new RosterPdf().build(doc, sheet, printedAt);
      PrinterJob job = PrinterJob.getPrinterJob();
      job.setJobName("Feuille d'émargement — " + sheet.meeting().title());
      job.setPageable(new PDFPageable(doc));
      if (!job.printDialog()) {
        return false;
      }
      job.print();
      return true;
    }
  }
}
