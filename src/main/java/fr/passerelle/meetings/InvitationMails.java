package fr.passerelle.meetings;

import fr.passerelle.core.InvalidInputException;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * The invitation e-mails of a meeting, prepared for the counselor's own mail client: one {@code
 * .eml} per convened candidate with an e-mail address, addressed to that candidate, from the
 * office's mailbox, with the candidate's convocation (PDF/A) and the calendar invitation ({@code
 * .ics}, iTIP REQUEST or CANCEL, naming that candidate only) attached. The files are marked unsent
 * ({@code X-Unsent: 1}): Outlook opens them as drafts to check and send; Thunderbird opens them
 * with "Modifier comme nouveau". Built with Jakarta Mail (Eclipse Angus); nothing is sent here.
 */
public final class InvitationMails {
  /** What was prepared: the files written, and the candidates left out for want of an e-mail. */
  public record Result(List<Path> files, List<String> withoutEmail) {}

  /** One message, built in memory. */
  public record Mail(MeetingSheet.Recipient to, MimeMessage message) {}

  private final ConvocationPdf convocations = new ConvocationPdf();
  private final IcsExport ics = new IcsExport();

  /** The messages, one per candidate with an e-mail (same order as the convocations). */
  public List<Mail> build(
      MeetingSheet sheet, LocalDateTime printedAt, Instant stamp, long sequence) {
    if (sheet.recipients().isEmpty()) {
      throw InvalidInputException.of(
          "meetings.error.noRecipient",
          "No candidate to convene: invite candidates first (waitlisted ones get no letter).");
    }
    Session session = Session.getInstance(new Properties());
    List<Mail> out = new ArrayList<>();
    for (MeetingSheet.Recipient r : sheet.recipients()) {
      if (r.email().isBlank()) {
        continue;
      }
      try {
        out.add(new Mail(r, message(session, sheet.onlyFor(r), r, printedAt, stamp, sequence)));
      } catch (MessagingException | IOException e) {
        throw new IllegalStateException("cannot build the e-mail to " + r.email(), e);
      }
    }
    return out;
  }

  /**
   * Writes one {@code .eml} per candidate with an e-mail into {@code dir} (created if needed),
   * named after the candidate; each file is written whole or not at all.
   */
  public Result write(
      MeetingSheet sheet, LocalDateTime printedAt, Instant stamp, long sequence, Path dir)
      throws IOException {
    List<Mail> mails = build(sheet, printedAt, stamp, sequence);
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Mail m : mails) {
      String base = fileName(m.to().participant().printedName());
      String name = base;
      for (int n = 2; names.contains(name); n++) {
        name = base + " (" + n + ")";
      }
      names.add(name);
      Path target = dir.resolve(name + ".eml");
      Path tmp = Files.createTempFile(dir, ".passerelle-", ".part");
      try {
        try (OutputStream o = Files.newOutputStream(tmp)) {
          m.message().writeTo(o);
        } catch (MessagingException e) {
          throw new IOException(e);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      files.add(target);
    }
    List<String> without =
        sheet.recipients().stream()
            .filter(r -> r.email().isBlank())
            .map(r -> r.participant().printedName())
            .toList();
    return new Result(files, without);
  }

  private MimeMessage message(
      Session session,
      MeetingSheet one,
      MeetingSheet.Recipient to,
      LocalDateTime printedAt,
      Instant stamp,
      long sequence)
      throws MessagingException, IOException {
    Meeting m = one.meeting();
    boolean cancelled = m.status() == MeetingStatus.CANCELLED;
    MimeMessage msg = new MimeMessage(session);
    if (!one.office().email().isBlank()) {
      msg.setFrom(address(one.office().email(), one.officeName()));
    }
    msg.setRecipient(
        jakarta.mail.Message.RecipientType.TO,
        address(to.email(), to.participant().firstName() + " " + to.participant().lastName()));
    String when =
        FrenchFormats.longDate(m.startsAt().toLocalDate())
            + ", "
            + FrenchFormats.span(m.startsAt(), m.endsAt());
    msg.setSubject(
        (cancelled ? "Annulation : " : "Convocation : ") + IcsExport.summary(m) + " — " + when,
        "UTF-8");
    msg.setSentDate(Date.from(stamp));
    msg.setHeader("X-Unsent", "1");

    MimeBodyPart text = new MimeBodyPart();
    text.setText(body(one, to, when, cancelled), "UTF-8");

    ByteArrayOutputStream cal = new ByteArrayOutputStream();
    ics.write(one, stamp, sequence, cal);
    MimeBodyPart invitation = new MimeBodyPart();
    String method = IcsExport.method(one);
    String type = "text/calendar; charset=UTF-8" + (method == null ? "" : "; method=" + method);
    invitation.setDataHandler(new DataHandler(new ByteArrayDataSource(cal.toByteArray(), type)));
    invitation.setFileName(cancelled ? "annulation.ics" : "invitation.ics");

    MimeMultipart parts = new MimeMultipart("mixed");
    parts.addBodyPart(text);
    parts.addBodyPart(invitation);
    if (!cancelled) {
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      convocations.write(one, printedAt, pdf);
      MimeBodyPart letter = new MimeBodyPart();
      letter.setDataHandler(
          new DataHandler(new ByteArrayDataSource(pdf.toByteArray(), "application/pdf")));
      letter.setFileName("convocation.pdf");
      parts.addBodyPart(letter);
    }
    msg.setContent(parts);
    msg.saveChanges();
    return msg;
  }

  private static String body(
      MeetingSheet s, MeetingSheet.Recipient to, String when, boolean cancelled) {
    Meeting m = s.meeting();
    StringBuilder b = new StringBuilder();
    b.append(ConvocationPdf.salutation(to.participant())).append("\n\n");
    if (cancelled) {
      b.append("La réunion « ")
          .append(m.title())
          .append(" » prévue le ")
          .append(when)
          .append(" est annulée. Nous vous prions de nous excuser pour ce changement.\n");
    } else {
      b.append("Nous vous invitons à la réunion « ")
          .append(m.title())
          .append(" » (")
          .append(m.kind().frenchLabel())
          .append("), le ")
          .append(when)
          .append(m.placeAndRoom().isEmpty() ? "" : ", " + m.placeAndRoom())
          .append(".\n\nVous trouverez ci-joint votre convocation, à présenter à l'accueil, et")
          .append(" l'invitation à ajouter à votre agenda.\n");
    }
    b.append("\nEn cas de question ou d'empêchement, contactez votre agence");
    if (!s.office().phone().isBlank()) {
      b.append(" au ").append(s.office().phone());
    }
    b.append(".\n\n");
    if (!s.office().counselor().isBlank()) {
      b.append(s.office().counselor()).append('\n');
    }
    b.append(s.officeName()).append('\n');
    if (!s.officeAddress().isBlank()) {
      b.append(s.officeAddress()).append('\n');
    }
    return b.toString();
  }

  private static InternetAddress address(String email, String name)
      throws UnsupportedEncodingException {
    return new InternetAddress(email.strip(), name == null ? null : name.strip(), "UTF-8");
  }

  /** A file name without the characters Windows refuses. */
  static String fileName(String name) {
    String n = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
    return n.isEmpty() ? "candidat" : n;
  }
}
