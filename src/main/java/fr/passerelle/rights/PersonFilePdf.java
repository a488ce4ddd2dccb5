package fr.passerelle.rights;

import static fr.passerelle.pdf.PdfCanvas.A4;
import static fr.passerelle.pdf.PdfCanvas.MARGIN;

import fr.passerelle.core.DateFormats;
import fr.passerelle.pdf.PdfCanvas;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The readable form of a {@link PersonFile}: A4 pages, PDF/A-2A (tagged, fonts embedded), a title,
 * then each section with its records as "label : value" lines (empty fields left out), its note,
 * and "Aucune donnée" when it holds nothing.
 */
final class PersonFilePdf {
  private static final DateTimeFormatter DAY = DateFormats.DAY;
  private static final DateTimeFormatter MINUTE = DateFormats.DAY_TIME;
  static final String NOTICE =
      "Document établi à la demande de la personne (RGPD, article 15 : droit d'accès). Il contient"
          + " des données personnelles : à remettre à la personne seule.";

  private static final float BODY = 9.5f;

  /** One line to draw: its font, size, indent and text (already safe). */
  private record Line(PDType0Font font, float size, float indent, String text, String type) {}

  void write(PersonFile f, ZoneId zone, OutputStream out) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PdfCanvas c = new PdfCanvas(doc);
      float width = A4.getWidth() - 2 * MARGIN;
      List<Line> lines = new ArrayList<>();
      lines.add(
          new Line(c.bold, 15, 0, c.safe("Données personnelles de " + f.displayName()), "H1"));
      lines.add(
          text(
                  c,
                  c.regular,
                  BODY,
                  0,
                  "Établi le "
                      + value(f.madeAt(), zone)
                      + (f.madeBy() == null ? "" : " par " + f.madeBy())
                      + (f.office() == null
                          ? ""
                          : ", " + f.office() + " (" + f.organisation() + ")"),
                  width)
              .get(0));
      lines.add(new Line(c.regular, BODY, 0, c.safe("Identifiant : " + f.personId()), "P"));
      for (PersonFile.Section s : f.sections()) {
        lines.add(new Line(c.bold, 12, 0, "", "GAP"));
        lines.add(new Line(c.bold, 12, 0, c.safe(s.title() + " (" + s.items().size() + ")"), "H2"));
        if (s.items().isEmpty()) {
          lines.add(new Line(c.regular, BODY, 10, "Aucune donnée.", "P"));
        }
        for (PersonFile.Item i : s.items()) {
          lines.add(
              new Line(
                  c.bold,
                  BODY + 0.5f,
                  10,
                  c.fit(c.bold, BODY + 0.5f, i.heading(), width - 10),
                  "P"));
          for (PersonFile.Field fd : i.fields()) {
            if (fd.value() == null || fd.value().toString().isBlank()) {
              continue;
            }
            lines.addAll(
                text(
                    c,
                    c.regular,
                    BODY,
                    20,
                    fd.label() + " : " + value(fd.value(), zone),
                    width - 20));
          }
        }
        if (s.note() != null) {
          lines.addAll(text(c, c.regular, BODY - 1, 10, s.note(), width - 10));
        }
      }
      draw(doc, c, lines, f, zone);
      c.finish(
          "Données personnelles de " + f.displayName(),
          "Droit d'accès (RGPD art. 15)",
          f.madeAt().atZoneSameInstant(zone));
      doc.save(out);
    }
  }

  private static List<Line> text(
      PdfCanvas c, PDType0Font font, float size, float indent, String s, float max) {
    List<Line> out = new ArrayList<>();
    for (String l : c.wrap(font, size, s, max)) {
      out.add(new Line(font, size, indent, l, "P"));
    }
    return out;
  }

  private static String value(Object v, ZoneId zone) {
    if (v instanceof Boolean b) {
      return b ? "oui" : "non";
    }
    if (v instanceof LocalDate d) {
      return DAY.format(d);
    }
    if (v instanceof LocalDateTime t) {
      return MINUTE.format(t);
    }
    if (v instanceof OffsetDateTime t) {
      return MINUTE.format(t.atZoneSameInstant(zone));
    }
    return v.toString();
  }

  private static void draw(PDDocument doc, PdfCanvas c, List<Line> lines, PersonFile f, ZoneId zone)
      throws IOException {
    float top = A4.getHeight() - MARGIN - 10;
    float bottom = MARGIN + 40;
    List<List<Line>> pages = new ArrayList<>();
    List<Line> page = new ArrayList<>();
    float y = top;
    for (Line l : lines) {
      float h = "GAP".equals(l.type()) ? 6 : l.size() + 4.5f;
      if (y - h < bottom && !page.isEmpty()) {
        pages.add(page);
        page = new ArrayList<>();
        y = top;
      }
      page.add(l);
      y -= h;
    }
    pages.add(page);
    String printed = "Édité le " + value(f.madeAt(), zone);
    for (int p = 0; p < pages.size(); p++) {
      PDPage pdPage = c.newPage();
      try (PDPageContentStream cs = new PDPageContentStream(doc, pdPage)) {
        float ly = top;
        for (Line l : pages.get(p)) {
          if ("GAP".equals(l.type())) {
            ly -= 6;
            continue;
          }
          ly -= l.size() + 4.5f;
          float x = MARGIN + l.indent();
          switch (l.type()) {
            case "H1" -> c.heading(cs, l.font(), l.size(), x, ly, l.text());
            case "H2" -> c.subheading(cs, l.font(), l.size(), x, ly, l.text());
            default -> c.text(cs, l.font(), l.size(), x, ly, l.text());
          }
        }
        c.footer(cs, printed, NOTICE, p + 1, pages.size());
      }
    }
  }
}
