package fr.passerelle.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Drawing helpers shared by the printed documents: the embedded DejaVu Sans fonts (accents print
 * everywhere, no ligature glyphs), text that never overflows its box, word wrapping, black-on-white
 * lines; every text tagged in reading order and every line an artifact ({@link Tagging}), and the
 * document finished as PDF/A-2A ({@link ArchivalPdf}).
 */
public final class PdfCanvas {
  public static final PDRectangle A4 = PDRectangle.A4;
  public static final float MARGIN = 36;

  public final PDType0Font regular;
  public final PDType0Font bold;
  private final PDDocument doc;
  private final Tagging tagging;
  private PDPage page;
  private final Map<Integer, Boolean> glyphs = new HashMap<>();

  public PdfCanvas(PDDocument doc) {
    this.doc = doc;
    this.regular = ArchivalPdf.font(doc, ArchivalPdf.REGULAR);
    this.bold = ArchivalPdf.font(doc, ArchivalPdf.BOLD);
    this.tagging = new Tagging(doc);
  }

  /** Makes the document PDF/A-2A with this title: once every page is drawn. */
  public void finish(String title, String subject, ZonedDateTime created) {
    ArchivalPdf.finish(doc, tagging, title, subject, created);
  }

  /** The text with line breaks flattened and characters the font lacks replaced by "?". */
  public String safe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isWhitespace(cp)) {
                b.append(' ');
              } else if (glyphs.computeIfAbsent(cp, this::hasGlyph)) {
                b.appendCodePoint(cp);
              } else {
                b.append('?');
              }
            });
    return b.toString();
  }

  private boolean hasGlyph(int cp) {
    try {
      String ch = new String(Character.toChars(cp));
      regular.encode(ch);
      bold.encode(ch);
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  public float width(PDType0Font font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text cut with "…" so that it fits in {@code max} points. */
  public String fit(PDType0Font font, float size, String text, float max) {
    String s = safe(text);
    if (width(font, size, s) <= max) {
      return s;
    }
    int end = s.length();
    while (end > 0 && width(font, size, s.substring(0, end) + "…") > max) {
      end--;
    }
    return s.substring(0, end).stripTrailing() + "…";
  }

  /** Words of {@code text} in lines of at most {@code max} points. */
  public List<String> wrap(PDType0Font font, float size, String text, float max) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : safe(text).split(" +")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(font, size, candidate) <= max || line.isEmpty()) {
        line.setLength(0);
        line.append(candidate);
      } else {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** A new A4 page, where the following text is tagged. */
  public PDPage newPage() {
    page = new PDPage(A4);
    doc.addPage(page);
    return page;
  }

  /** Writes one line of text at (x, y), baseline, as a paragraph; the text must be safe. */
  public void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
      throws IOException {
    tagged(cs, "P", font, size, x, y, s);
  }

  /** Writes the document's title line (a level-1 heading). */
  public void heading(
      PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
      throws IOException {
    tagged(cs, "H1", font, size, x, y, s);
  }

  /** Writes a section's title line (a level-2 heading). */
  public void subheading(
      PDPageContentStream cs, PDType0Font font, float size, float x, float y, String s)
      throws IOException {
    tagged(cs, "H2", font, size, x, y, s);
  }

  private void tagged(
      PDPageContentStream cs, String type, PDType0Font font, float size, float x, float y, String s)
      throws IOException {
    if (s.isEmpty()) {
      return;
    }
    tagging.showText(cs, page, type, font, size, x, y, s);
  }

  /** Right-aligned text ending at {@code right}. */
  public void textRight(
      PDPageContentStream cs, PDType0Font font, float size, float right, float y, String s)
      throws IOException {
    String safe = safe(s);
    text(cs, font, size, right - width(font, size, safe), y, safe);
  }

  public void rect(PDPageContentStream cs, float x, float y, float w, float h) throws IOException {
    Tagging.artifact(
        cs,
        () -> {
          cs.addRect(x, y, w, h);
          cs.stroke();
        });
  }

  public void line(PDPageContentStream cs, float x1, float y1, float x2, float y2)
      throws IOException {
    Tagging.artifact(
        cs,
        () -> {
          cs.moveTo(x1, y1);
          cs.lineTo(x2, y2);
          cs.stroke();
        });
  }

  /** The footer of every printed page: print date, personal-data notice, "page x / y". */
  public void footer(PDPageContentStream cs, String printed, String notice, int page, int pages)
      throws IOException {
    float y = MARGIN;
    cs.setLineWidth(0.5f);
    line(cs, MARGIN, y + 22, A4.getWidth() - MARGIN, y + 22);
    text(cs, regular, 7.5f, MARGIN, y + 12, safe(printed));
    textRight(cs, regular, 7.5f, A4.getWidth() - MARGIN, y + 12, "page " + page + " / " + pages);
    List<String> lines = wrap(regular, 6.5f, notice, A4.getWidth() - 2 * MARGIN);
    float ly = y + 3;
    for (String l : lines.subList(0, Math.min(2, lines.size()))) {
      text(cs, regular, 6.5f, MARGIN, ly, l);
      ly -= 8;
    }
  }
}
