package fr.passerelle.meetings;

import static fr.passerelle.pdf.PdfCanvas.A4;
import static fr.passerelle.pdf.PdfCanvas.MARGIN;

import fr.passerelle.pdf.PdfCanvas;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The sign-in sheet (feuille d'émargement), A4 portrait: the meeting's header on every page, one
 * row per expected participant sorted by last name, a signature box per half-day when the meeting
 * spans morning and afternoon, blank rows for walk-ins, the organiser's signature box, and a footer
 * with the print date, "page x / y" and a personal-data notice.
 */
public final class RosterPdf {
  static final String NOTICE =
      "Données personnelles : cette feuille sert uniquement à attester la présence à la réunion. "
          + "Elle est conservée par l'organisateur, dans un lieu fermé, pendant la durée nécessaire "
          + "au suivi de l'action, puis détruite. Droits d'accès et de rectification auprès de "
          + "l'agence organisatrice.";

  private static final float ROW = 25;
  private static final float HEAD_ROW = 18;
  private static final float HEADER_HEIGHT = 118;
  private static final float FOOTER_HEIGHT = 40;
  private static final float ORGANISER_BOX = 70;

  private final int walkInRows;

  /** A roster with {@code walkInRows} blank rows for people who come without an invitation. */
  public RosterPdf(int walkInRows) {
    this.walkInRows = walkInRows;
  }

  public RosterPdf() {
    this(6);
  }

  /** Rows that fit on one page. */
  static int rowsPerPage() {
    float top = A4.getHeight() - MARGIN - HEADER_HEIGHT - HEAD_ROW;
    float bottom = MARGIN + FOOTER_HEIGHT;
    return (int) Math.floor((top - bottom) / ROW);
  }

  /** Rows kept free at the bottom of the last page for the organiser's box. */
  private static int boxRows() {
    return (int) Math.ceil((ORGANISER_BOX + 10) / ROW);
  }

  /** Pages needed for {@code rows} rows with the organiser's box at the end of the last page. */
  private static int pagesFor(int rows) {
    int perPage = rowsPerPage();
    int lastPageRows = perPage - boxRows();
    if (rows <= lastPageRows) {
      return 1;
    }
    return 1 + (rows - lastPageRows + perPage - 1) / perPage;
  }

  /**
   * The number of pages for {@code participants}: their rows, the walk-in rows and the organiser's
   * box. Walk-in rows are cut down (to no fewer than 3) rather than start a page of their own.
   */
  int pageCount(int participants) {
    return pagesFor(participants + Math.min(3, walkInRows));
  }

  /** Rows printed: the participants, then the blank rows that fit. */
  private int totalRows(int participants) {
    int pages = pageCount(participants);
    int room = pages * rowsPerPage() - boxRows();
    return Math.min(participants + walkInRows, room);
  }

  public void write(MeetingSheet sheet, LocalDateTime printedAt, OutputStream out)
      throws IOException {
    try (PDDocument doc = new PDDocument()) {
      build(doc, sheet, printedAt);
      doc.save(out);
    }
  }

  /** Lays the roster out into {@code doc} (for saving or printing). */
  public void build(PDDocument doc, MeetingSheet sheet, LocalDateTime printedAt)
      throws IOException {
    Meeting m = sheet.meeting();
    PdfCanvas c = new PdfCanvas(doc);
    List<Participant> people = sheet.expected();
    int perPage = rowsPerPage();
    int total = totalRows(people.size());
    int pages = pageCount(people.size());
    String printed =
        "Imprimé le "
            + FrenchFormats.date(printedAt.toLocalDate())
            + " à "
            + FrenchFormats.time(printedAt.toLocalTime());
    boolean twoHalves = m.spansHalfDays();
    int row = 0;
    for (int page = 1; page <= pages; page++) {
      PDPage p = c.newPage();
      try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
        cs.setLineWidth(0.6f);
        header(cs, c, sheet);
        float y = A4.getHeight() - MARGIN - HEADER_HEIGHT;
        Columns cols = new Columns(twoHalves);
        int end = Math.min(total, row + perPage);
        if (row < end) {
          tableHead(cs, c, cols, y);
          y -= HEAD_ROW;
        }
        for (; row < end; row++) {
          Participant who = row < people.size() ? people.get(row) : null;
          tableRow(cs, c, cols, y, row + 1, who);
          y -= ROW;
        }
        if (page == pages) {
          organiserBox(cs, c, y - 10);
        }
        c.footer(cs, printed, NOTICE, page, pages);
      }
    }
    c.finish(
        "Feuille d'émargement — " + m.title(),
        m.kind().frenchLabel() + ", " + FrenchFormats.longDate(m.startsAt().toLocalDate()),
        printedAt.atZone(sheet.zone()));
  }

  private static void header(PDPageContentStream cs, PdfCanvas c, MeetingSheet s)
      throws IOException {
    Meeting m = s.meeting();
    float top = A4.getHeight() - MARGIN;
    float width = A4.getWidth() - 2 * MARGIN;
    c.text(cs, c.bold, 9, MARGIN, top - 8, c.fit(c.bold, 9, s.officeName(), width / 2));
    c.text(cs, c.regular, 8, MARGIN, top - 19, c.fit(c.regular, 8, s.officeAddress(), width / 2));
    c.textRight(cs, c.bold, 12, A4.getWidth() - MARGIN, top - 10, "Feuille d'émargement");
    c.heading(cs, c.bold, 13, MARGIN, top - 40, c.fit(c.bold, 13, m.title(), width));
    String when =
        m.kind().frenchLabel()
            + " · "
            + FrenchFormats.date(m.startsAt().toLocalDate())
            + " · "
            + FrenchFormats.span(m.startsAt(), m.endsAt());
    c.text(cs, c.regular, 10, MARGIN, top - 56, c.fit(c.regular, 10, when, width));
    String where = "Lieu : " + (m.placeAndRoom().isEmpty() ? "—" : m.placeAndRoom());
    if (m.remoteLink() != null) {
      where += " · à distance : " + m.remoteLink();
    }
    c.text(cs, c.regular, 9, MARGIN, top - 71, c.fit(c.regular, 9, where, width));
    String organisers = "Organisateurs : " + String.join(", ", s.organisers());
    c.text(cs, c.regular, 9, MARGIN, top - 84, c.fit(c.regular, 9, organisers, width));
    String partners =
        "Partenaires : "
            + (m.partners().isEmpty()
                ? "—"
                : m.partners().stream()
                    .map(Partner::displayName)
                    .collect(Collectors.joining(", ")));
    c.text(cs, c.regular, 9, MARGIN, top - 97, c.fit(c.regular, 9, partners, width));
    cs.setLineWidth(1f);
    c.line(cs, MARGIN, top - 106, A4.getWidth() - MARGIN, top - 106);
    cs.setLineWidth(0.6f);
  }

  /** Column positions: number, name, organisation, one or two signature boxes. */
  private static final class Columns {
    final float num = MARGIN;
    final float name = MARGIN + 24;
    final float org;
    final float sign1;
    final float sign2;
    final float right = A4.getWidth() - MARGIN;
    final boolean two;

    Columns(boolean two) {
      this.two = two;
      float signWidth = two ? 105 : 150;
      this.sign2 = two ? right - signWidth : right;
      this.sign1 = sign2 - signWidth;
      this.org = name + (sign1 - name) * 0.55f;
    }
  }

  private static void tableHead(PDPageContentStream cs, PdfCanvas c, Columns k, float y)
      throws IOException {
    float base = y - HEAD_ROW + 6;
    c.text(cs, c.bold, 8, k.num + 2, base, "N°");
    c.text(cs, c.bold, 8, k.name + 3, base, c.safe("NOM Prénom"));
    c.text(cs, c.bold, 8, k.org + 3, base, "Organisation");
    if (k.two) {
      c.text(cs, c.bold, 8, k.sign1 + 3, base, c.safe("Signature matin"));
      c.text(cs, c.bold, 8, k.sign2 + 3, base, c.safe("Signature après-midi"));
    } else {
      c.text(cs, c.bold, 8, k.sign1 + 3, base, "Signature");
    }
    c.rect(cs, k.num, y - HEAD_ROW, k.right - k.num, HEAD_ROW);
  }

  private static void tableRow(
      PDPageContentStream cs, PdfCanvas c, Columns k, float y, int number, Participant who)
      throws IOException {
    float bottom = y - ROW;
    c.rect(cs, k.num, bottom, k.right - k.num, ROW);
    for (float x : new float[] {k.name, k.org, k.sign1}) {
      c.line(cs, x, bottom, x, y);
    }
    if (k.two) {
      c.line(cs, k.sign2, bottom, k.sign2, y);
    }
    float base = bottom + 9;
    c.text(cs, c.regular, 8, k.num + 2, base, Integer.toString(number));
    if (who != null) {
      c.text(
          cs,
          c.regular,
          9,
          k.name + 3,
          base,
          c.fit(c.regular, 9, who.printedName(), k.org - k.name - 6));
      c.text(
          cs,
          c.regular,
          8.5f,
          k.org + 3,
          base,
          c.fit(c.regular, 8.5f, who.printedOrganisation(), k.sign1 - k.org - 6));
    }
  }

  private static void organiserBox(PDPageContentStream cs, PdfCanvas c, float top)
      throws IOException {
    float w = 260;
    float x = A4.getWidth() - MARGIN - w;
    c.rect(cs, x, top - ORGANISER_BOX, w, ORGANISER_BOX);
    c.text(cs, c.bold, 8, x + 4, top - 11, c.safe("Signature de l'organisateur (nom, qualité)"));
    c.text(cs, c.regular, 7.5f, MARGIN, top - 11, c.safe("Nombre de présents : ........"));
  }
}
