package fr.passerelle.meetings.ui;

import fr.passerelle.core.EditConflictException;
import fr.passerelle.db.ChangeNotices;
import fr.passerelle.meetings.FrenchFormats;
import fr.passerelle.meetings.Meeting;
import fr.passerelle.meetings.MeetingCounts;
import fr.passerelle.meetings.MeetingDraft;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.meetings.Participant;
import fr.passerelle.meetings.ParticipantService;
import fr.passerelle.office.OfficeService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.SaveRetry;
import fr.passerelle.ui.TaskRunner;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The meeting shown on the right and its form: the selected meeting with its participants, figures,
 * warnings and training paths; opening, creating, saving (a save refused over a colleague's newer
 * one sets {@link #conflict}), duplicating and cancelling it; following colleagues' changes.
 */
final class ShownMeeting {
  private final MeetingService service;
  private final ParticipantService participantService;
  private final OfficeService offices;
  private final MeetingsTasks work;
  private final Messages messages;
  private final MeetingsWeek week;

  /** A save that failed on the lost office server, done again once it is back (ADR 0211). */
  private final SaveRetry retry;

  final ObservableList<Participant> participants = FXCollections.observableArrayList();
  final ObjectProperty<Meeting> selected = new SimpleObjectProperty<>();
  final ObjectProperty<MeetingCounts> counts = new SimpleObjectProperty<>(MeetingCounts.NONE);

  /** The training paths started from the selected meeting, in words (empty: none). */
  final StringProperty linkedPaths = new SimpleStringProperty("");

  /** Warnings on the selected meeting: room booked twice, people invited elsewhere. */
  final StringProperty warnings = new SimpleStringProperty("");

  /**
   * The save refused over a colleague's newer edit of the meeting, until the counselor chooses
   * (Recharger, Comparer, Annuler: {@link MeetingConflicts}); null otherwise.
   */
  final ObjectProperty<MeetingConflict> conflict = new SimpleObjectProperty<>();

  /**
   * Asks before another meeting replaces the form (the view's unsaved-changes guard): runs the
   * opening it is given once the edits are saved or dropped, never after Cancel.
   */
  private Consumer<Runnable> beforeOpen = Runnable::run;

  ShownMeeting(
      MeetingService service,
      ParticipantService participantService,
      OfficeService offices,
      MeetingsTasks work,
      MeetingsWeek week,
      SaveRetry retry) {
    this.service = service;
    this.participantService = participantService;
    this.offices = offices;
    this.work = work;
    this.messages = work.messages;
    this.week = week;
    this.retry = retry;
  }

  /** Sets the guard every opening of another meeting goes through (list, calendar, next). */
  void guardOpening(Consumer<Runnable> guard) {
    this.beforeOpen = guard;
  }

  /** Shows one meeting with its participants, once the form's edits are saved or dropped. */
  void open(UUID meetingId) {
    beforeOpen.accept(
        () -> {
          retry.cancel();
          work.run("meetings.task.open", p -> detail(meetingId), this::show);
        });
  }

  /** Clears the selection to create a meeting. */
  void startNew() {
    retry.cancel();
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
  void save(java.util.function.Supplier<java.util.Optional<MeetingDraft>> form, Runnable onSaved) {
    retry.cancel();
    form.get().ifPresent(draft -> save(draft, form, onSaved));
  }

  private void save(
      MeetingDraft draft,
      java.util.function.Supplier<java.util.Optional<MeetingDraft>> form,
      Runnable onSaved) {
    Meeting current = selected.get();
    work.run(
        "meetings.task.save",
        p -> {
          if (current == null) {
            return detail(service.create(draft).id());
          }
          try {
            return detail(service.update(current.id(), current.version(), draft).id());
          } catch (EditConflictException e) {
            return MeetingConflict.read(e, current, draft, service, offices, messages);
          }
        },
        r -> {
          if (r instanceof MeetingConflict c) {
            work.message.set(c.text());
            conflict.set(c);
            return;
          }
          MeetingDetail d = (MeetingDetail) r;
          show(d);
          work.message.set(messages.get("meetings.saved", d.meeting().title()));
          // the calendar goes to the saved meeting's week (it stayed on today's: issue 19)
          week.shownDate.set(d.meeting().startsAt().toLocalDate());
          week.refresh();
          onSaved.run();
        },
        retry,
        () -> save(form, onSaved));
  }

  /** True while a save that failed on the lost office server waits for it to come back. */
  boolean saveWaitsForServer() {
    return retry.pending();
  }

  /**
   * After a refused save: the form edits the meeting as the colleague saved it (the view loads it
   * into the form when it is selected); the conflict is settled.
   */
  void takeTheirs(MeetingConflict c, String sayKey) {
    conflict.set(null);
    selected.set(c.theirs());
    work.message.set(messages.get(sayKey));
  }

  void duplicate(LocalDateTime newStart) {
    Meeting m = selected.get();
    work.run(
        "meetings.task.save",
        p -> detail(service.duplicate(m.id(), newStart).id()),
        d -> {
          show(d);
          work.message.set(
              messages.get(
                  "meetings.duplicated", FrenchFormats.date(d.meeting().startsAt().toLocalDate())));
          week.shownDate.set(d.meeting().startsAt().toLocalDate());
          week.refresh();
        });
  }

  void cancelMeeting() {
    Meeting m = selected.get();
    work.run(
        "meetings.task.save",
        p -> detail(service.cancel(m.id(), m.version()).id()),
        d -> {
          show(d);
          work.message.set(messages.get("meetings.cancelled", d.meeting().title()));
          week.refresh();
        });
  }

  /**
   * Reads the selected meeting's participants, figures and warnings again whenever a change is
   * committed on the office server — a colleague's invitation or attendance on another workstation
   * too (ADR 0178, 0181); the editor's fields stay as typed (a save over a colleague's newer edit
   * of the meeting itself is refused, ADR 0177). Returns what stops it.
   */
  AutoCloseable followChanges(ChangeNotices changes, Executor ui) {
    return changes.subscribe(seq -> ui.execute(this::reloadParticipants));
  }

  /** The selected meeting's participants, figures and warnings, read again. */
  void reloadParticipants() {
    Meeting m = selected.get();
    if (m == null) {
      return;
    }
    UUID id = m.id();
    work.tasks.submit(
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
          countsChanged();
        },
        TaskRunner.logged("The participants of the meeting shown, after a colleague's change"));
  }

  /** The shown meeting's figures, also in the calendar's and the banner's rows. */
  void countsChanged() {
    week.countsChanged(selected.get(), counts.get());
  }

  /** What the right pane shows of meeting {@code id}, read (in the background). */
  MeetingDetail detail(UUID id) {
    return MeetingDetail.load(service, participantService, messages, id);
  }

  /** Shows a meeting read by {@link #detail}. */
  void show(MeetingDetail d) {
    selected.set(d.meeting());
    participants.setAll(d.people());
    counts.set(MeetingCounts.of(d.people()));
    warnings.set(d.warnings());
    linkedPaths.set(d.paths());
  }
}
