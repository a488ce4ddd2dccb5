package fr.passerelle.meetings;

import static fr.passerelle.pdf.PdfCanvas.A4;
import static fr.passerelle.pdf.PdfCanvas.MARGIN;

import fr.passerelle.pdf.PdfCanvas;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Convocations: one letter (one A4 page, numbered "page 1 / 1" as it is sent on its own) per
 * candidate holding a place who has not attended yet, merged in one PDF to print in one go, sorted
 * by last name like the roster.
 */
public final class ConvocationPdf {
  static final String NOTICE =
      "Données personnelles : vos coordonnées sont utilisées uniquement pour vous inviter à cette "
          + "réunion. Vous pouvez exercer vos droits d'accès, de rectification et d'opposition "
          + "auprès de votre agence.";

  private static final float SIZE = 10.5f;
  private static final float LEADING = 15;

  /** Writes the letters; returns how many were written. Refused when nobody is to convene. */
  public int write(MeetingSheet sheet, LocalDateTime printedAt, OutputStream out)
      throws IOException {
    if (sheet.recipients().isEmpty()) {
      throw fr.passerelle.core.InvalidInputException.of(
          "meetings.error.noRecipient",
          "No candidate to convene: invite candidates first (waitlisted ones get no letter).");
    }
    try (PDDocument doc = new PDDocument()) {
      PdfCanvas c = new PdfCanvas(doc);
      int n = sheet.recipients().size();
      String printed = "Édité le " + FrenchFormats.date(printedAt.toLocalDate());
      for (int i = 0; i < n; i++) {
        PDPage page = c.newPage();
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          letter(cs, c, sheet, sheet.recipients().get(i), printedAt);
          c.footer(cs, printed, NOTICE, 1, 1);
        }
      }
      Meeting m = sheet.meeting();
      c.finish(
          (n == 1 ? "Convocation — " : "Convocations — ") + m.title(),
          m.kind().frenchLabel() + ", " + FrenchFormats.longDate(m.startsAt().toLocalDate()),
          printedAt.atZone(sheet.zone()));
      doc.save(out);
      return n;
    }
  }

  private static void letter(
      PDPageContentStream cs,
      PdfCanvas c,
      MeetingSheet s,
      MeetingSheet.Recipient to,
      LocalDateTime printedAt)
      throws IOException {
    Meeting m = s.meeting();
    float top = A4.getHeight() - MARGIN;
    float width = A4.getWidth() - 2 * MARGIN;
    c.text(cs, c.bold, 11, MARGIN, top - 10, c.fit(c.bold, 11, s.officeName(), 250));
    float hy = top - 24;
    for (String line : officeLines(s.office())) {
      c.text(cs, c.regular, 9, MARGIN, hy, c.fit(c.regular, 9, line, 250));
      hy -= 12;
    }

    float ax = 320;
    float ay = top - 100;
    c.text(cs, c.bold, SIZE, ax, ay, c.fit(c.bold, SIZE, to.participant().printedName(), 230));
    c.text(cs, c.regular, SIZE, ax, ay - LEADING, c.fit(c.regular, SIZE, to.address(), 230));
    c.text(cs, c.regular, SIZE, ax, ay - 2 * LEADING, c.fit(c.regular, SIZE, to.postalLine(), 230));

    float y = top - 190;
    c.text(
        cs,
        c.regular,
        SIZE,
        ax,
        y,
        c.safe("Le " + FrenchFormats.longDate(printedAt.toLocalDate())));
    y -= 2 * LEADING;
    y =
        paragraph(
            cs,
            c,
            c.bold,
            y,
            "Objet : convocation — " + m.kind().frenchLabel() + " « " + m.title() + " »",
            width);
    y -= LEADING;
    y = paragraph(cs, c, c.regular, y, salutation(to.participant()), width);
    y -= 4;
    y =
        paragraph(
            cs,
            c,
            c.regular,
            y,
            "Nous vous invitons à participer à la réunion ci-dessous. Votre présence est importante :"
                + " elle vous permet de rencontrer les professionnels présents et d'avancer dans votre"
                + " projet.",
            width);
    y -= LEADING / 2;
    List<String[]> details = new ArrayList<>();
    details.add(new String[] {"Date", FrenchFormats.longDate(m.startsAt().toLocalDate())});
    details.add(new String[] {"Horaires", FrenchFormats.span(m.startsAt(), m.endsAt())});
    details.add(new String[] {"Lieu", m.place() == null ? "à préciser" : m.place()});
    if (m.room() != null) {
      details.add(new String[] {"Salle", m.room()});
    }
    if (m.remoteLink() != null) {
      details.add(new String[] {"À distance", m.remoteLink()});
    }
    details.add(new String[] {"Organisé par", String.join(", ", s.organisers())});
    if (!m.partners().isEmpty()) {
      details.add(
          new String[] {
            "Avec",
            m.partners().stream().map(Partner::displayName).collect(Collectors.joining(", "))
          });
    }
    for (String[] d : details) {
      c.text(cs, c.bold, SIZE, MARGIN + 14, y, c.safe(d[0] + " :"));
      List<String> lines = c.wrap(c.regular, SIZE, d[1], width - 120);
      for (String l : lines) {
        c.text(cs, c.regular, SIZE, MARGIN + 110, y, l);
        y -= LEADING;
      }
    }
    y -= LEADING / 2;
    c.text(cs, c.bold, SIZE, MARGIN, y, c.safe("Pensez à apporter :"));
    y -= LEADING;
    for (String item : toBring(m.kind())) {
      y = paragraph(cs, c, c.regular, y, "•  " + item, width - 14);
    }
    y -= LEADING / 2;
    y =
        paragraph(
            cs,
            c,
            c.regular,
            y,
            "En cas d'empêchement, merci de prévenir votre agence au plus tôt"
                + contact(s.office())
                + " : votre place pourra être proposée à une autre personne. Cette convocation est"
                + " à présenter à l'accueil.",
            width);
    y -= LEADING;
    paragraph(cs, c, c.regular, y, "Nous vous prions d'agréer nos salutations distinguées.", width);
    float sy = y - 3 * LEADING;
    if (!s.office().counselor().isBlank()) {
      c.text(cs, c.bold, SIZE, ax, sy, c.fit(c.bold, SIZE, s.office().counselor(), 230));
      sy -= LEADING;
      c.text(cs, c.regular, SIZE, ax, sy, c.fit(c.regular, SIZE, s.officeName(), 230));
    } else {
      c.text(cs, c.bold, SIZE, ax, sy, c.fit(c.bold, SIZE, s.officeName(), 230));
    }
  }

  /** "Bonjour Hélène Lefèvre,": the letter is addressed by name (no civility is recorded). */
  static String salutation(Participant p) {
    String name =
        ((p.firstName() == null ? "" : p.firstName())
                + " "
                + (p.lastName() == null ? "" : p.lastName()))
            .strip();
    return name.isEmpty() ? "Madame, Monsieur," : "Bonjour " + name + ",";
  }

  /** The office's address, phone, mailbox and the counselor following the file, as printed. */
  static List<String> officeLines(MeetingSheet.Office o) {
    List<String> lines = new ArrayList<>();
    for (String part : o.address().split("\\R|, (?=\\d{5})")) {
      if (!part.isBlank()) {
        lines.add(part.strip());
      }
    }
    if (!o.phone().isBlank()) {
      lines.add("Tél. " + o.phone());
    }
    if (!o.email().isBlank()) {
      lines.add(o.email());
    }
    if (!o.counselor().isBlank()) {
      lines.add("Dossier suivi par " + o.counselor());
    }
    return lines;
  }

  /** " (05 61 00 00 00, agence@…)" or "" when the office has neither. */
  private static String contact(MeetingSheet.Office o) {
    List<String> parts = new ArrayList<>();
    if (!o.phone().isBlank()) {
      parts.add(o.phone());
    }
    if (!o.email().isBlank()) {
      parts.add(o.email());
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }

  /** What a candidate should bring, by kind of meeting. */
  static List<String> toBring(MeetingKind kind) {
    List<String> items = new ArrayList<>(List.of("cette convocation et une pièce d'identité"));
    switch (kind) {
      case JOB_DATING, FORUM ->
          items.add("plusieurs exemplaires de votre CV à jour, et de quoi noter les contacts");
      case MRS -> items.add("de quoi écrire ; les exercices sont fournis sur place");
      case DISCOVERY_WORKSHOP ->
          items.add("une tenue adaptée à la découverte du métier (chaussures fermées)");
      case TRAINING_INFO ->
          items.add("votre CV et, si vous l'avez, votre attestation de droits CPF");
      default -> items.add("votre CV à jour");
    }
    items.add("vos questions : un temps d'échange est prévu");
    return items;
  }

  private static float paragraph(
      PDPageContentStream cs,
      PdfCanvas c,
      org.apache.pdfbox.pdmodel.font.PDType0Font font,
      float y,
      String text,
      float width)
      throws IOException {
    for (String l : c.wrap(font, SIZE, text, width)) {
      c.text(cs, font, SIZE, MARGIN, y, l);
      y -= LEADING;
    }
    return y;
  }
}
