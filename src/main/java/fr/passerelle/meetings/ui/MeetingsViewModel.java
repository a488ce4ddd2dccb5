package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.CandidateHit;
import fr.passerelle.meetings.ConvocationPdf;
import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.meetings.IcsExport;
import fr.passerelle.meetings.InviteResult;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingCounts;
import fr.passerelle.meetings.MeetingDraft;
import fr.passerelle.meetings.MeetingFilter;
import fr.passerelle.meetings.MeetingKind;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.meetings.MeetingSheet;
import fr.passerelle.meetings.MeetingStatus;
import fr.passerelle.meetings.MeetingSummary;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantRole;
import fr.passerelle.meetings.ParticipantService;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.meetings.RosterPdf;
import fr.passerelle.meetings.SourcingListRef;
import fr.passerelle.office.Office;
import fr.passerelle.printing.Printing;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import fr.passerelle.ui.UiContext;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Meetings view: the meetings of the shown period (filtered), the selected meeting
 * with its participants and figures, and the actions on them. Every service call goes through the
 * {@link TaskRunner}; results land in the properties on the FX thread.
 */
public final class MeetingsViewModel {
  private final MeetingService service;
  private final ParticipantService participantService;
  private final fr.passerelle.office.OfficeService offices;
  private final TaskRunner tasks;
  private final Messages messages;
  private final Printing printing;

  final ObservableList<MeetingSummary> meetings = FXCollections.observableArrayList();
  final ObservableList<Participant> participants = FXCollections.observableArrayList();
  final ObservableList<Office> officeChoices = FXCollections.observableArrayList();
  final ObservableList<SourcingListRef> sourcingLists = FXCollections.observableArrayList();
  final ObservableList<CandidateHit> candidateHits = FXCollections.observableArrayList();
  final ObjectProperty<Meeting> selected = new SimpleObjectProperty<>();
  final ObjectProperty<MeetingCounts> counts = new SimpleObjectProperty<>(MeetingCounts.NONE);
  final ObjectProperty<MeetingSummary> next = new SimpleObjectProperty<>();

  /** This installation's office: the organiser of a new meeting. */
  final ObjectProperty<Office> here = new SimpleObjectProperty<>();

  final ObjectProperty<LocalDate> shownDate = new SimpleObjectProperty<>();
  final ObjectProperty<MeetingKind> kindFilter = new SimpleObjectProperty<>();
  final ObjectProperty<Office> officeFilter = new SimpleObjectProperty<>();
  final ObjectProperty<MeetingStatus> statusFilter = new SimpleObjectProperty<>();
  final StringProperty romeFilter = new SimpleStringProperty("");

  /** The focus occupation and offer of the form. */
  final FocusModel focus;

  /** The last outcome, in words, for the status line of the view. */
  final StringProperty message = new SimpleStringProperty("");

  /** The training paths started from the selected meeting, in words (empty: none). */
  final StringProperty linkedPaths = new SimpleStringProperty("");

  /** Warnings on the selected meeting: room booked twice, people invited elsewhere. */
  final StringProperty warnings = new SimpleStringProperty("");

  /** The participants' columns chosen on this workstation. */
  final fr.passerelle.ui.ColumnChoices columns;

  private final fr.passerelle.ui.DialogService dialogs;

  public MeetingsViewModel(UiContext ctx) {
    this(ctx, Printing.system());
  }

  /** With the printers of {@code printing} (the system's, or a test's). */
  public MeetingsViewModel(UiContext ctx, Printing printing) {
    this.service = ctx.services().meetings();
    this.participantService = ctx.services().participants();
    shownDate.set(ctx.services().clock().today()); // the office's today, from the injected clock
    this.offices = ctx.services().offices();
    this.tasks = ctx.tasks();
    this.messages = ctx.messages();
    this.dialogs = ctx.dialogs();
    this.printing = printing;
    this.focus = new FocusModel(service.focus(), ctx.services().occupations(), tasks, messages);
    this.columns = fr.passerelle.ui.ColumnChoices.of(ctx);
  }

  /** The office's local time (for the "in the past" rule and defaults). */
  LocalDateTime now() {
    return service.now();
  }

  Messages messages() {
    return messages;
  }

  /** The questions put to the counselor (unsaved edits, removing a participant). */
  fr.passerelle.ui.DialogService dialogs() {
    return dialogs;
  }

  /** Loads the meetings around the shown date, the next meeting and the choices. */
  public void refresh() {
    LocalDate d = shownDate.get();
    MeetingFilter f =
        MeetingFilter.around(d)
            .with(
                kindFilter.get(),
                romeFilter.get(),
                officeFilter.get() == null ? null : officeFilter.get().id(),
                statusFilter.get());
    run(
        "meetings.task.load",
        p ->
            new Loaded(
                service.list(f),
                service.next().orElse(null),
                offices.all(),
                lists(),
                offices.current().orElse(null)),
        l -> {
          here.set(l.here());
          meetings.setAll(l.meetings());
          next.set(l.next());
          if (officeChoices.isEmpty() || !officeChoices.equals(l.offices())) {
            officeChoices.setAll(l.offices());
          }
          sourcingLists.setAll(l.lists());
        });
  }

  private List<SourcingListRef> lists() {
    return participantService.sourcingLists();
  }

  private record Loaded(
      List<MeetingSummary> meetings,
      MeetingSummary next,
      List<Office> offices,
      List<SourcingListRef> lists,
      Office here) {}

  /**
   * Asks before another meeting replaces the form (the view's unsaved-changes guard): runs the
   * opening it is given once the edits are saved or dropped, never after Cancel.
   */
  private java.util.function.Consumer<Runnable> beforeOpen = Runnable::run;

  /** Sets the guard every opening of another meeting goes through (list, calendar, next). */
  void guardOpening(java.util.function.Consumer<Runnable> guard) {
    this.beforeOpen = guard;
  }

  /** Shows one meeting with its participants, once the form's edits are saved or dropped. */
  public void open(UUID meetingId) {
    beforeOpen.accept(() -> run("meetings.task.open", p -> detail(meetingId), this::show));
  }

  /** Clears the selection to create a meeting. */
  public void startNew() {
    selected.set(null);
    participants.clear();
    counts.set(MeetingCounts.NONE);
    warnings.set("");
    linkedPaths.set("");
  }

  /**
   * Creates or updates; on success the meeting is selected and the list refreshed. An update
   * refused over a colleague's newer save (ADR 0177) keeps the form as typed and sets {@link
   * #conflict} for the counselor to choose (ADR 0197).
   */
  public void save(MeetingDraft draft, Runnable onSaved) {
    Meeting current = selected.get();
    run(
        "meetings.task.save",
        p -> {
          if (current == null) {
            return detail(service.create(draft).id());
          }
          try {
            return detail(service.update(current.id(), current.version(), draft).id());
          } catch (fr.passerelle.core.EditConflictException e) {
            return MeetingConflict.read(e, current, draft, service, offices, messages);
          }
        },
        r -> {
          if (r instanceof MeetingConflict c) {
            message.set(c.text());
            conflict.set(c);
            return;
          }
          MeetingDetail d = (MeetingDetail) r;
          show(d);
          message.set(messages.get("meetings.saved", d.meeting().title()));
          // the calendar goes to the saved meeting's week (it stayed on today's: issue 19)
          shownDate.set(d.meeting().startsAt().toLocalDate());
          refresh();
          onSaved.run();
        });
  }

  /**
   * The save refused over a colleague's newer edit of the meeting, until the counselor chooses
   * (Recharger, Comparer, Annuler: {@link MeetingConflicts}); null otherwise.
   */
  final ObjectProperty<MeetingConflict> conflict = new SimpleObjectProperty<>();

  /**
   * After a refused save: the form edits the meeting as the colleague saved it (the view loads it
   * into the form when it is selected); the conflict is settled.
   */
  void takeTheirs(MeetingConflict c, String sayKey) {
    conflict.set(null);
    selected.set(c.theirs());
    message.set(messages.get(sayKey));
  }

  public void duplicate(LocalDateTime newStart) {
    Meeting m = selected.get();
    run(
        "meetings.task.save",
        p -> detail(service.duplicate(m.id(), newStart).id()),
        d -> {
          show(d);
          message.set(
              messages.get(
                  "meetings.duplicated", FrenchFormats.date(d.meeting().startsAt().toLocalDate())));
          shownDate.set(d.meeting().startsAt().toLocalDate());
          refresh();
        });
  }

  public void cancelMeeting() {
    Meeting m = selected.get();
    run(
        "meetings.task.save",
        p -> detail(service.cancel(m.id(), m.version()).id()),
        d -> {
          show(d);
          message.set(messages.get("meetings.cancelled", d.meeting().title()));
          refresh();
        });
  }

  /** The number of the last search asked: an answer to an earlier one, come late, is dropped. */
  private long lastSearch;

  public void searchCandidates(String text) {
    long mine = ++lastSearch;
    run(
        "meetings.task.search",
        p -> participantService.searchCandidates(text, 20),
        found -> {
          if (mine == lastSearch) {
            candidateHits.setAll(found);
          }
        });
  }

  public void inviteCandidate(CandidateHit hit) {
    UUID id = selected.get().id();
    change(p -> participantService.inviteCandidates(id, List.of(hit.id())), this::reportInvite);
  }

  public void inviteList(SourcingListRef list) {
    UUID id = selected.get().id();
    change(p -> participantService.inviteSourcingList(id, list.id()), this::reportInvite);
  }

  public void addExternal(ParticipantRole role, String first, String last, String org) {
    UUID id = selected.get().id();
    change(
        p -> participantService.addExternal(id, role, first, last, org),
        added -> message.set(messages.get("meetings.added", added.printedName())));
  }

  public void setStatus(Participant who, ParticipantStatus status) {
    change(
        who,
        p -> participantService.setStatus(who.id(), who.version(), status),
        changed ->
            message.set(
                messages.get(
                    "meetings.statusSet",
                    changed.printedName(),
                    messages.get("meetings.status." + status.name()))));
  }

  /** Takes {@code who} off the meeting; {@code removed} is told once done (to offer "Annuler"). */
  public void remove(Participant who, Consumer<Participant> removed) {
    change(
        who,
        p -> {
          participantService.remove(who.id(), who.version());
          return who;
        },
        removed);
  }

  /**
   * "Annuler" after a removal: {@code who} back with their status and rank, or first on the
   * waitlist if their place went to someone meanwhile (said in the message line).
   */
  public void restore(Participant who) {
    change(
        p -> participantService.restore(who),
        back ->
            message.set(
                messages.get(
                    back.status() == who.status()
                        ? "meetings.restored"
                        : "meetings.restored.waitlisted",
                    back.printedName())));
  }

  /** Writes the roster PDF to {@code file}. */
  public void saveRoster(Path file, Consumer<Path> done) {
    UUID id = selected.get().id();
    write(
        file,
        o ->
            new RosterPdf()
                .write(service.document(id, "PDF roster", file.toString()), service.now(), o),
        done);
  }

  public void saveConvocations(Path file, Consumer<Path> done) {
    UUID id = selected.get().id();
    write(
        file,
        o ->
            new ConvocationPdf()
                .write(service.document(id, "PDF convocations", file.toString()), service.now(), o),
        done);
  }

  public void saveIcs(Path file, Consumer<Path> done) {
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
  public void saveInvitations(Path dir) {
    UUID id = selected.get().id();
    run(
        "meetings.task.write",
        p ->
            new fr.passerelle.meetings.InvitationMails()
                .write(
                    service.document(id, "EML invitations", dir.toString()),
                    service.now(),
                    service.changedAt(id),
                    service.revision(id),
                    dir),
        r ->
            message.set(
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
  public void loadPrinters(Consumer<Printing.Choices> then) {
    run("meetings.task.print", p -> printing.choices(), then);
  }

  /**
   * Prints the selected meeting's document on {@code printer}; when nothing could be printed,
   * {@code refused} gets the reason (a {@link fr.passerelle.printing.PrintingException}, already
   * logged) so that the view can offer the PDF instead.
   */
  public void print(
      PrintDocument document, String printer, int copies, Consumer<Throwable> refused) {
    UUID id = selected.get().id();
    String kind = messages.get("printing.document." + document.name());
    tasks.submit(
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
        message::set,
        e -> {
          message.set(messages.get("meetings.error", messages.describe(e)));
          if (e instanceof fr.passerelle.printing.PrintingException) {
            refused.accept(e);
          }
        });
  }

  @FunctionalInterface
  private interface Writer {
    void write(OutputStream out) throws Exception;
  }

  private void write(Path file, Writer w, Consumer<Path> done) {
    run(
        "meetings.task.write",
        p -> {
          Path tmp =
              Files.createTempFile(file.toAbsolutePath().getParent(), ".passerelle-", ".part");
          try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
              w.write(o);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          } finally {
            Files.deleteIfExists(tmp);
          }
          return file;
        },
        f -> {
          message.set(messages.get("meetings.written", f.getFileName().toString()));
          done.accept(f);
        });
  }

  private void reportInvite(InviteResult r) {
    String text = messages.get("meetings.invited", r.invited(), r.waitlisted());
    if (!r.alreadyInvited().isEmpty()) {
      text += " " + messages.get("meetings.alreadyInvited", String.join(", ", r.alreadyInvited()));
    }
    message.set(text);
  }

  /** A write on the selected meeting, then its participants, figures and warnings reloaded. */
  private <T> void change(TaskRunner.Work<T> work, Consumer<T> report) {
    change(null, work, report);
  }

  /**
   * {@link #change(TaskRunner.Work, Consumer)} of participant {@code who}: refused because a
   * colleague changed or removed them since the list showed them (ADR 0197), the list is reloaded
   * all the same and the message line says so instead of {@code report}.
   */
  private <T> void change(Participant who, TaskRunner.Work<T> work, Consumer<T> report) {
    UUID id = selected.get().id();
    run(
        "meetings.task.save",
        p -> {
          try {
            T result = work.run(p);
            return new Changed<>(result, detail(id), null);
          } catch (fr.passerelle.core.EditConflictException e) {
            if (who == null) {
              throw e;
            }
            MeetingDetail now = detail(id);
            boolean still = now.people().stream().anyMatch(q -> q.id().equals(who.id()));
            String text =
                messages.get(
                    still ? "meetings.conflict.participant" : "meetings.conflict.removed",
                    who.printedName(),
                    e.who().orElseGet(() -> messages.get("meetings.conflict.someone")),
                    java.util.Date.from(e.when()));
            return new Changed<T>(null, now, text);
          }
        },
        c -> {
          show(c.detail());
          if (c.refused() == null) {
            report.accept(c.result());
          } else {
            message.set(c.refused());
          }
          refreshCountsInList();
        });
  }

  /** A change's outcome and the meeting read after it; {@code refused}: why nothing was written. */
  private record Changed<T>(T result, MeetingDetail detail, String refused) {}

  private void refreshCountsInList() {
    Meeting m = selected.get();
    for (int i = 0; i < meetings.size(); i++) {
      if (meetings.get(i).meeting().id().equals(m.id())) {
        meetings.set(i, new MeetingSummary(m, counts.get()));
      }
    }
    MeetingSummary n = next.get();
    if (n != null && n.meeting().id().equals(m.id())) {
      next.set(new MeetingSummary(m, counts.get()));
    }
  }

  /**
   * Reads the selected meeting's participants, figures and warnings again whenever a change is
   * committed on the office server — a colleague's invitation or attendance on another workstation
   * too (ADR 0178, 0181); the editor's fields stay as typed (a save over a colleague's newer edit
   * of the meeting itself is refused, ADR 0177). Returns what stops it.
   */
  public AutoCloseable followChanges(
      fr.passerelle.db.ChangeNotices changes, java.util.concurrent.Executor ui) {
    return changes.subscribe(seq -> ui.execute(this::reloadParticipants));
  }

  /** The selected meeting's participants, figures and warnings, read again. */
  void reloadParticipants() {
    Meeting m = selected.get();
    if (m == null) {
      return;
    }
    UUID id = m.id();
    tasks.submit(
        "",
        p -> detail(id),
        d -> {
          Meeting now = selected.get();
          if (now == null || !now.id().equals(id)) {
            return; // another meeting was opened meanwhile
          }
          participants.setAll(d.people());
          counts.set(MeetingCounts.of(d.people()));
          warnings.set(d.warnings());
          linkedPaths.set(d.paths());
          refreshCountsInList();
        },
        TaskRunner.logged("The participants of the meeting shown, after a colleague's change"));
  }

  private MeetingDetail detail(UUID id) {
    return MeetingDetail.load(service, participantService, messages, id);
  }

  private void show(MeetingDetail d) {
    selected.set(d.meeting());
    participants.setAll(d.people());
    counts.set(MeetingCounts.of(d.people()));
    warnings.set(d.warnings());
    linkedPaths.set(d.paths());
  }

  private <T> void run(String titleKey, TaskRunner.Work<T> work, Consumer<T> onSuccess) {
    tasks.submit(
        messages.get(titleKey),
        work,
        onSuccess,
        e -> message.set(messages.get("meetings.error", messages.describe(e))));
  }
}
