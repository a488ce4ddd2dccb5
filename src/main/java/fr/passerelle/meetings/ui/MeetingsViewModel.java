package fr.passerelle.meetings.ui;

import fr.passerelle.candidates.CandidateHit;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingCounts;
import fr.passerelle.meetings.MeetingDraft;
import fr.passerelle.meetings.MeetingKind;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.meetings.MeetingStatus;
import fr.passerelle.meetings.MeetingSummary;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantRole;
import fr.passerelle.meetings.ParticipantStatus;
import fr.passerelle.meetings.SourcingListRef;
import fr.passerelle.office.Office;
import fr.passerelle.printing.Printing;
import fr.passerelle.ui.ColumnChoices;
import fr.passerelle.ui.DialogService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.SaveRetry;
import fr.passerelle.ui.ServerReturn;
import fr.passerelle.ui.TaskRunner;
import fr.passerelle.ui.UiContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * State of the Meetings view, split by job (ADR 0194, 0206): the calendar's period, filters and
 * choices ({@link MeetingsWeek}), the meeting shown and its form ({@link ShownMeeting}), the
 * participants' actions ({@link ParticipantActions}), and the meeting's documents ({@link
 * MeetingPaperwork}). This class wires them and gives the view one handle on their state; every
 * service call goes through the {@link TaskRunner}, results land in the properties on the FX
 * thread.
 */
public final class MeetingsViewModel {
  private final MeetingService service;
  private final MeetingsTasks work;
  private final MeetingsWeek week;
  private final ShownMeeting shown;
  private final ParticipantActions people;
  private final MeetingPaperwork documents;
  private final DialogService dialogs;

  // the calendar's period (MeetingsWeek)
  final ObservableList<MeetingSummary> meetings;
  final ObservableList<Office> officeChoices;
  final ObservableList<SourcingListRef> sourcingLists;
  final ObjectProperty<MeetingSummary> next;

  /** False until the calendar's first load has answered. */
  final javafx.beans.property.ReadOnlyBooleanProperty loaded;

  /** This installation's office: the organiser of a new meeting. */
  final ObjectProperty<Office> here;

  final ObjectProperty<LocalDate> shownDate;
  final ObjectProperty<MeetingKind> kindFilter;
  final ObjectProperty<Office> officeFilter;
  final ObjectProperty<MeetingStatus> statusFilter;
  final StringProperty romeFilter;

  // the meeting shown (ShownMeeting)
  final ObservableList<Participant> participants;
  final ObjectProperty<Meeting> selected;
  final ObjectProperty<MeetingCounts> counts;

  /** The training paths started from the selected meeting, in words (empty: none). */
  final StringProperty linkedPaths;

  /** Warnings on the selected meeting: room booked twice, people invited elsewhere. */
  final StringProperty warnings;

  /** A save refused over a colleague's newer edit, until the counselor chooses; else null. */
  final ObjectProperty<MeetingConflict> conflict;

  // the participants' actions (ParticipantActions)
  final ObservableList<CandidateHit> candidateHits;

  /** The focus occupation and offer of the form. */
  final FocusModel focus;

  /** The last outcome, in words, for the status line of the view. */
  final StringProperty message;

  /** The participants' columns chosen on this workstation. */
  final ColumnChoices columns;

  public MeetingsViewModel(UiContext ctx) {
    this(ctx, Printing.system());
  }

  /** With the printers of {@code printing} (the system's, or a test's). */
  public MeetingsViewModel(UiContext ctx, Printing printing) {
    this(ctx, printing, ServerReturn.of(ctx));
  }

  /**
   * With the printers of {@code printing} and a save waiting for the office server on {@code
   * server}.
   */
  MeetingsViewModel(UiContext ctx, Printing printing, ServerReturn server) {
    this.service = ctx.services().meetings();
    this.dialogs = ctx.dialogs();
    this.work = new MeetingsTasks(ctx.tasks(), ctx.messages());
    this.week =
        new MeetingsWeek(
            service,
            ctx.services().participants(),
            ctx.services().offices(),
            ctx.services().clock().today(), // the office's today, from the injected clock
            work);
    this.shown =
        new ShownMeeting(
            service,
            ctx.services().participants(),
            ctx.services().offices(),
            work,
            week,
            new SaveRetry(server));
    this.people = new ParticipantActions(ctx.services().participants(), work, shown);
    this.documents = new MeetingPaperwork(service, printing, work, shown.selected);
    this.focus =
        new FocusModel(service.focus(), ctx.services().occupations(), ctx.tasks(), work.messages);
    this.columns = ColumnChoices.of(ctx);
    this.message = work.message;
    this.meetings = week.meetings;
    this.officeChoices = week.officeChoices;
    this.sourcingLists = week.sourcingLists;
    this.next = week.next;
    this.loaded = week.loaded;
    this.here = week.here;
    this.shownDate = week.shownDate;
    this.kindFilter = week.kindFilter;
    this.officeFilter = week.officeFilter;
    this.statusFilter = week.statusFilter;
    this.romeFilter = week.romeFilter;
    this.participants = shown.participants;
    this.selected = shown.selected;
    this.counts = shown.counts;
    this.linkedPaths = shown.linkedPaths;
    this.warnings = shown.warnings;
    this.conflict = shown.conflict;
    this.candidateHits = people.candidateHits;
  }

  /** The office's local time (for the "in the past" rule and defaults). */
  LocalDateTime now() {
    return service.now();
  }

  Messages messages() {
    return work.messages;
  }

  /** The questions put to the counselor (unsaved edits, removing a participant). */
  DialogService dialogs() {
    return dialogs;
  }

  // ------------------------------------------------------------------ the calendar

  /** Loads the meetings around the shown date, the next meeting and the choices. */
  public void refresh() {
    week.refresh();
  }

  // ------------------------------------------------------------------ the meeting shown

  /** Sets the guard every opening of another meeting goes through (list, calendar, next). */
  void guardOpening(Consumer<Runnable> guard) {
    shown.guardOpening(guard);
  }

  /** Shows one meeting with its participants, once the form's edits are saved or dropped. */
  public void open(UUID meetingId) {
    shown.open(meetingId);
  }

  /** Clears the selection to create a meeting. */
  public void startNew() {
    shown.startNew();
  }

  /** Creates or updates the meeting shown ({@link ShownMeeting#save}). */
  public void save(MeetingDraft draft, Runnable onSaved) {
    save(() -> java.util.Optional.of(draft), onSaved);
  }

  /**
   * Saves what {@code form} holds (nothing while it is invalid); a save that failed on the lost
   * office server reads the form again and saves once the server is back (ADR 0211).
   */
  public void save(
      java.util.function.Supplier<java.util.Optional<MeetingDraft>> form, Runnable onSaved) {
    shown.save(form, onSaved);
  }

  /** True while a save that failed on the lost office server waits for it to come back. */
  public boolean saveWaitsForServer() {
    return shown.saveWaitsForServer();
  }

  /** After a refused save: the form edits the colleague's version; the conflict is settled. */
  void takeTheirs(MeetingConflict c, String sayKey) {
    shown.takeTheirs(c, sayKey);
  }

  public void duplicate(LocalDateTime newStart) {
    shown.duplicate(newStart);
  }

  public void cancelMeeting() {
    shown.cancelMeeting();
  }

  /** Follows colleagues' changes to the meeting shown ({@link ShownMeeting#followChanges}). */
  public AutoCloseable followChanges(
      fr.passerelle.db.ChangeNotices changes, java.util.concurrent.Executor ui) {
    return shown.followChanges(changes, ui);
  }

  /** The selected meeting's participants, figures and warnings, read again. */
  void reloadParticipants() {
    shown.reloadParticipants();
  }

  // ------------------------------------------------------------------ its participants

  public void searchCandidates(String text) {
    people.searchCandidates(text);
  }

  public void inviteCandidate(CandidateHit hit) {
    people.inviteCandidate(hit);
  }

  public void inviteList(SourcingListRef list) {
    people.inviteList(list);
  }

  public void addExternal(ParticipantRole role, String first, String last, String org) {
    people.addExternal(role, first, last, org);
  }

  public void setStatus(Participant who, ParticipantStatus status) {
    people.setStatus(who, status);
  }

  /** Takes {@code who} off the meeting; {@code removed} is told once done (to offer "Annuler"). */
  public void remove(Participant who, Consumer<Participant> removed) {
    people.remove(who, removed);
  }

  /** "Annuler" after a removal ({@link ParticipantActions#restore}). */
  public void restore(Participant who) {
    people.restore(who);
  }

  // ------------------------------------------------------------------ its documents

  public void saveRoster(Path file, Consumer<Path> done) {
    documents.saveRoster(file, done);
  }

  public void saveConvocations(Path file, Consumer<Path> done) {
    documents.saveConvocations(file, done);
  }

  public void saveIcs(Path file, Consumer<Path> done) {
    documents.saveIcs(file, done);
  }

  public void saveInvitations(Path dir) {
    documents.saveInvitations(dir);
  }

  public void loadPrinters(Consumer<Printing.Choices> then) {
    documents.loadPrinters(then);
  }

  public void print(
      PrintDocument document, String printer, int copies, Consumer<Throwable> refused) {
    documents.print(document, printer, copies, refused);
  }
}
