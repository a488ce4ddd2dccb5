package fr.passerelle.dashboard;

import fr.passerelle.db.WallClock;
import fr.passerelle.pdf.ArchivalPdf;
import fr.passerelle.pdf.Tagging;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * The one-page A4 landscape report of the dashboard for the steering committee: the four axes'
 * figures with their trend, the offers' monthly bars and the reconversions by scheme, in an
 * embedded font (DejaVu Sans, shipped under fr/passerelle/fonts).
 */
public final class DashboardReport {
  static final String FONT = ArchivalPdf.REGULAR;
  static final String FONT_BOLD = ArchivalPdf.BOLD;
  private static final DateTimeFormatter DAY = fr.passerelle.core.DateFormats.date(Locale.FRANCE);

  private final PDRectangle size =
      new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
  private PDFont regular;
  private PDFont bold;
  private PDPageContentStream cs;
  private Tagging tagging;
  private PDPage page;

  /** Writes the report; {@code scope} names the office(s), {@code printedOn} the print date. */
  public void write(Indicators ind, String scope, LocalDate printedOn, OutputStream out)
      throws IOException {
    write(ind, scope, printedOn.atStartOfDay(WallClock.DEFAULT_ZONE), out);
  }

  /** Writes the report as PDF/A-2A; {@code printedAt} in the office's time zone. */
  public void write(Indicators ind, String scope, ZonedDateTime printedAt, OutputStream out)
      throws IOException {
    LocalDate printedOn = printedAt.toLocalDate();
    try (PDDocument doc = new PDDocument()) {
      regular = ArchivalPdf.font(doc, FONT);
      bold = ArchivalPdf.font(doc, FONT_BOLD);
      tagging = new Tagging(doc);
      page = new PDPage(size);
      doc.addPage(page);
      try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
        cs = c;
        float w = size.getWidth();
        float h = size.getHeight();
        tagged("H1", bold, 16, 40, h - 45, "Tableau de bord du partenariat — comité de pilotage");
        text(
            regular,
            10,
            40,
            h - 62,
            scope
                + " · du "
                + DAY.format(ind.period().from())
                + " au "
                + DAY.format(ind.period().to())
                + " (comparé au "
                + DAY.format(ind.previous().from())
                + " – "
                + DAY.format(ind.previous().to())
                + ")");
        float colW = (w - 80 - 30) / 4;
        String[][] blocks = {
          {
            "Offres",
            "offers.franceTravail:Offres France Travail",
            "offers.tempAgency:Offres agences d'emploi",
            "offers.hardToFill:Difficiles à pourvoir (fin de période)"
          },
          {
            "Sourcing",
            "sourcing.candidates:Personnes en listes",
            "sourcing.priority:dont publics prioritaires",
            "sourcing.rqth:dont RQTH",
            "pool.candidates:Vivier (instantané)"
          },
          {
            "Réunions",
            "meetings.held:Réunions tenues",
            "meetings.registered:Candidats inscrits",
            "meetings.present:Candidats présents"
          },
          {
            "Reconversions",
            "training.started:Entrées en formation",
            "training.completed:Formations terminées",
            "training.employedSixMonths:En emploi à six mois"
          }
        };
        for (int b = 0; b < blocks.length; b++) {
          float x = 40 + b * (colW + 10);
          float y = h - 95;
          text(bold, 12, x, y, blocks[b][0]);
          float rule = y - 5;
          float left = x;
          Tagging.artifact(
              cs,
              () -> {
                cs.moveTo(left, rule);
                cs.lineTo(left + colW, rule);
                cs.stroke();
              });
          y -= 22;
          for (int i = 1; i < blocks[b].length; i++) {
            String[] kv = blocks[b][i].split(":", 2);
            Figure f = ind.figures().get(kv[0]);
            text(regular, 9, x, y, kv[1]);
            text(bold, 14, x, y - 16, String.format(Locale.FRANCE, "%,d", f.value()));
            if (f.trend() != null) {
              text(
                  regular,
                  8,
                  x + 70,
                  y - 15,
                  String.format(
                      Locale.FRANCE, "%+,d vs période préc. (%,d)", f.trend(), f.previous()));
            }
            y -= 36;
          }
          String rate =
              switch (b) {
                case 1 ->
                    "Part prioritaires : "
                        + pct(ind.priorityShareInLists())
                        + " en listes, "
                        + pct(ind.priorityShareInPool())
                        + " au vivier; RQTH : "
                        + pct(ind.rqthShareInLists())
                        + " / "
                        + pct(ind.rqthShareInPool());
                case 2 -> "Taux de présence : " + pct(ind.attendanceRate());
                default -> "";
              };
          wrap(regular, 8, x, y, colW, rate);
        }
        offersChart(ind.offersByMonth(), 40, 80, (w - 100) * 0.6f, 190);
        schemeTable(ind.trainingByScheme(), 60 + (w - 100) * 0.6f, 270, (w - 100) * 0.4f);
        text(
            regular,
            7,
            40,
            30,
            "Imprimé le "
                + DAY.format(printedOn)
                + " · page 1 / 1 · Chiffres agrégés, sans donnée"
                + " nominative. Les données RQTH sont des données de santé : ne diffuser ce document"
                + " qu'aux membres du comité.");
      }
      ArchivalPdf.finish(
          doc,
          tagging,
          "Tableau de bord du partenariat",
          scope
              + ", du "
              + DAY.format(ind.period().from())
              + " au "
              + DAY.format(ind.period().to()),
          printedAt);
      doc.save(out);
    }
  }

  private void offersChart(List<MonthPoint> months, float x, float y, float w, float h)
      throws IOException {
    text(
        bold,
        11,
        x,
        y + h + 10,
        "Offres par mois (12 mois) : France Travail, agences d'emploi, difficiles à pourvoir");
    long max = 1;
    for (MonthPoint m : months) {
      max = Math.max(max, Math.max(m.franceTravail() + m.tempAgency(), m.hardToFill()));
    }
    float slot = w / months.size();
    float bw = slot * 0.35f;
    Tagging.artifact(
        cs,
        () -> {
          cs.moveTo(x, y);
          cs.lineTo(x + w, y);
          cs.stroke();
        });
    for (int i = 0; i < months.size(); i++) {
      MonthPoint m = months.get(i);
      float bx = x + i * slot + 4;
      float ft = h * m.franceTravail() / max;
      float ta = h * m.tempAgency() / max;
      float hard = h * m.hardToFill() / max;
      rect(bx, y, bw, ft, 0.25f);
      rect(bx, y + ft, bw, ta, 0.6f);
      rect(bx + bw + 2, y, bw * 0.6f, hard, 0.0f);
      text(regular, 6, bx, y - 9, m.month().toString().substring(2));
    }
    float ly = y - 22;
    rect(x, ly, 8, 6, 0.25f);
    text(regular, 7, x + 11, ly, "France Travail");
    rect(x + 80, ly, 8, 6, 0.6f);
    text(regular, 7, x + 91, ly, "agences d'emploi");
    rect(x + 170, ly, 8, 6, 0.0f);
    text(regular, 7, x + 181, ly, "difficiles à pourvoir en fin de mois (max " + max + ")");
  }

  private void schemeTable(List<SchemeRow> rows, float x, float y, float w) throws IOException {
    text(bold, 11, x, y, "Reconversions par financement");
    float[] cols = {x, x + w * 0.35f, x + w * 0.55f, x + w * 0.78f};
    String[] head = {"Financement", "Entrées", "Terminées", "Emploi 6 mois"};
    y -= 18;
    for (int i = 0; i < head.length; i++) {
      text(bold, 8, cols[i], y, head[i]);
    }
    for (SchemeRow r : rows) {
      y -= 13;
      text(regular, 8, cols[0], y, r.scheme().equals("NONE") ? "non renseigné" : r.scheme());
      text(regular, 8, cols[1], y, String.valueOf(r.started()));
      text(regular, 8, cols[2], y, String.valueOf(r.completed()));
      text(regular, 8, cols[3], y, String.valueOf(r.employedSixMonths()));
    }
    if (rows.isEmpty()) {
      text(regular, 8, x, y - 13, "Aucune reconversion sur la période.");
    }
  }

  private void rect(float x, float y, float w, float h, float gray) throws IOException {
    if (h <= 0) {
      return;
    }
    Tagging.artifact(
        cs,
        () -> {
          cs.setNonStrokingColor(gray, gray, gray);
          cs.addRect(x, y, w, h);
          cs.fill();
          cs.setNonStrokingColor(0f, 0f, 0f);
        });
  }

  private void text(PDFont f, float s, float x, float y, String t) throws IOException {
    tagged("P", f, s, x, y, t);
  }

  private void tagged(String type, PDFont f, float s, float x, float y, String t)
      throws IOException {
    tagging.showText(cs, page, type, f, s, x, y, t);
  }

  private void wrap(PDFont f, float s, float x, float y, float w, String t) throws IOException {
    StringBuilder line = new StringBuilder();
    for (String word : t.split(" ")) {
      String next = line.length() == 0 ? word : line + " " + word;
      if (f.getStringWidth(next) / 1000 * s > w && line.length() > 0) {
        text(f, s, x, y, line.toString());
        y -= s + 2;
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(next);
      }
    }
    if (line.length() > 0) {
      text(f, s, x, y, line.toString());
    }
  }

  private static String pct(Double v) {
    return v == null ? "—" : String.format(Locale.FRANCE, "%.1f %%", v);
  }
}
