package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.ConvocationPdf;
import fr.passerelle.meetings.IcsExport;
import fr.passerelle.meetings.InvitationMails;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.meetings.MeetingSheet;
import fr.passerelle.meetings.RosterPdf;
import fr.passerelle.printing.Printing;
import fr.passerelle.printing.PrintingException;
import fr.passerelle.ui.Messages;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;

/**
 * The documents of the shown meeting: the sign-in sheet, the convocations, the calendar file and
 * the invitation e-mails written to files, and the sheet or the convocations printed.
 */
final class MeetingPaperwork {
  private final MeetingService service;
  private final Printing printing;
  private final MeetingsTasks work;
  private final Messages messages;
  private final ObjectProperty<Meeting> selected;

  MeetingPaperwork(
      MeetingService service,
      Printing printing,
      MeetingsTasks work,
      ObjectProperty<Meeting> selected) {
    this.service = service;
    this.printing = printing;
    this.work = work;
    this.messages = work.messages;
    this.selected = selected;
  }

  /** Writes the roster PDF to {@code file}. */
  void saveRoster(Path file, Consumer<Path> done) {
    UUID id = selected.get().id();
    write(
        file,
        o ->
            new RosterPdf()
                .write(service.document(id, "PDF roster", file.toString()), service.now(), o),
        done);
  }

  void saveConvocations(Path file, Consumer<Path> done) {
    UUID id = selected.get().id();
    write(
        file,
        o ->
            new ConvocationPdf()
                .write(service.document(id, "PDF convocations", file.toString()), service.now(), o),
        done);
  }

  void saveIcs(Path file, Consumer<Path> done) {
    UUID id = selected.get().id();
    write(
        file,
        o ->
            new IcsExport()
                .write(
                    service.document(id, "ICS", file.toString()),
                    service.changedAt(id),
                    service.revision(id),
                    o),
        done);
  }

  /**
   * Prepares one .eml per convened candidate with an e-mail in {@code dir} (convocation and
   * invitation attached), then says how many, and who has no e-mail.
   */
  void saveInvitations(Path dir) {
    UUID id = selected.get().id();
    work.run(
        "meetings.task.write",
        p ->
            new InvitationMails()
                .write(
                    service.document(id, "EML invitations", dir.toString()),
                    service.now(),
                    service.changedAt(id),
                    service.revision(id),
                    dir),
        r ->
            work.message.set(
                messages.get("meetings.invitations.written", r.files().size(), dir)
                    + (r.withoutEmail().isEmpty()
                        ? ""
                        : " "
                            + messages.get(
                                "meetings.invitations.withoutEmail",
                                r.withoutEmail().size(),
                                String.join(", ", r.withoutEmail())))));
  }

  /** The printers to offer, looked up off the FX thread (a CUPS lookup can take a while). */
  void loadPrinters(Consumer<Printing.Choices> then) {
    work.run("meetings.task.print", p -> printing.choices(), then);
  }

  /**
   * Prints the selected meeting's document on {@code printer}; when nothing could be printed,
   * {@code refused} gets the reason (a {@link PrintingException}, already logged) so that the view
   * can offer the PDF instead.
   */
  void print(PrintDocument document, String printer, int copies, Consumer<Throwable> refused) {
    UUID id = selected.get().id();
    String kind = messages.get("printing.document." + document.name());
    work.tasks.submit(
        messages.get("meetings.task.print"),
        p -> {
          MeetingSheet sheet = service.document(id, "printed " + document.name(), printer);
          LocalDateTime at = service.now();
          Printing.Pdf pdf =
              document == PrintDocument.ROSTER
                  ? o -> new RosterPdf().write(sheet, at, o)
                  : o -> new ConvocationPdf().write(sheet, at, o);
          String used =
              printing.print(kind + " — " + sheet.meeting().title(), pdf, printer, copies);
          return messages.get("meetings.printed", kind, sheet.meeting().title(), used);
        },
        work.message::set,
        e -> {
          work.message.set(messages.get("meetings.error", messages.describe(e)));
          if (e instanceof PrintingException) {
            refused.accept(e);
          }
        });
  }

  @FunctionalInterface
  private interface Writer {
    void write(OutputStream out) throws Exception;
  }

  private void write(Path file, Writer w, Consumer<Path> done) {
    work.run(
        "meetings.task.write",
        p -> {
          Path tmp =
              Files.createTempFile(file.toAbsolutePath().getParent(), ".passerelle-", ".part");
          try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
              w.write(o);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(tmp);
          }
          return file;
        },
        f -> {
          work.message.set(messages.get("meetings.written", f.getFileName().toString()));
          done.accept(f);
        });
  }
}
