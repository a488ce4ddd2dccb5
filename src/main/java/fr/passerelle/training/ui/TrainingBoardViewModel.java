package fr.passerelle.training.ui;

import fr.passerelle.core.EditConflictException;
import fr.passerelle.db.RowVersion;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.Outcome;
import fr.passerelle.training.PathDraft;
import fr.passerelle.training.RuleWarning;
import fr.passerelle.training.StatusSkipException;
import fr.passerelle.training.TrainingEvent;
import fr.passerelle.training.TrainingPath;
import fr.passerelle.training.TrainingService;
import fr.passerelle.training.TrainingStatus;
import fr.passerelle.ui.ConflictChoices;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import fr.passerelle.ui.UiContext;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The training board: paths per status column, the selected path with its warnings and its
 * candidate's timeline, moves (with the skip confirmation), the six-month outcome.
 */
public final class TrainingBoardViewModel implements ConflictChoices {
  /** A move waiting for the counselor's confirmation because it skips or undoes steps. */
  public record PendingMove(
      UUID pathId, RowVersion version, TrainingStatus to, String note, String message) {}

  private final TrainingService service;
  private final fr.passerelle.office.OfficeService offices;
  private final TaskRunner tasks;
  private final Messages msg;
  private final Map<TrainingStatus, ObservableList<TrainingPath>> columns =
      new EnumMap<>(TrainingStatus.class);
  private final ObjectProperty<TrainingPath> selected = new SimpleObjectProperty<>();
  private final ObservableList<TrainingEvent> timeline = FXCollections.observableArrayList();
  private final ObservableList<RuleWarning> warnings = FXCollections.observableArrayList();
  private final ObjectProperty<PendingMove> pending = new SimpleObjectProperty<>();
  private final IntegerProperty outcomesDue = new SimpleIntegerProperty();
  private final Set<UUID> dueIds = new HashSet<>();
  private final StringProperty error = new SimpleStringProperty();
  private final StringProperty info = new SimpleStringProperty();
  private final StringProperty conflict = new SimpleStringProperty();
  private final ObjectProperty<Outcome> outcomeChoice = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> outcomeDate = new SimpleObjectProperty<>();
  private final StringProperty outcomeReplace = new SimpleStringProperty();
  private final ObservableList<TrainingStatus> moveTargets = FXCollections.observableArrayList();

  /** The board of the window's context: its training service, office, tasks and language. */
  public TrainingBoardViewModel(UiContext ctx) {
    this(ctx.services().training(), ctx.services().offices(), ctx.tasks(), ctx.messages());
  }

  public TrainingBoardViewModel(
      TrainingService service,
      fr.passerelle.office.OfficeService offices,
      TaskRunner tasks,
      Messages msg) {
    this.service = service;
    this.offices = offices;
    this.tasks = tasks;
    this.msg = msg;
    for (TrainingStatus s : TrainingStatus.values()) {
      columns.put(s, FXCollections.observableArrayList());
    }
  }

  private record Board(List<TrainingPath> paths, List<TrainingPath> due) {}

  /** True until the board's first read ends: its columns are not known to be empty yet. */
  private final javafx.beans.property.BooleanProperty loading =
      new javafx.beans.property.SimpleBooleanProperty(true);

  /** True until the board's first read ends (the columns show a progress, not "Aucun parcours"). */
  public javafx.beans.value.ObservableBooleanValue loading() {
    return loading;
  }

  /** Reloads the board (and keeps the selection when the path is still there). */
  public void load() {
    read(true);
  }

  /**
   * Reads the board again whenever a change is committed on the office server — a colleague's move,
   * outcome or new path on another workstation too (ADR 0178, 0192); returns what stops it. The
   * path open is shown anew only when the counselor has nothing under way on it (a move to confirm,
   * an outcome chosen): otherwise it stays as read, and its save meets the conflict (ADR 0181).
   */
  public AutoCloseable followChanges(
      fr.passerelle.db.ChangeNotices changes, java.util.concurrent.Executor ui) {
    return changes.subscribe(seq -> ui.execute(this::changeHeard));
  }

  /** A change committed on the office server: the board read again, the path open kept if busy. */
  void changeHeard() {
    read(false);
  }

  /** True when the path open has nothing under way: no move to confirm, its outcome as read. */
  private boolean untouched() {
    TrainingPath p = selected.get();
    return pending.get() == null
        && outcomeReplace.get() == null
        && (p == null
            || (java.util.Objects.equals(outcomeChoice.get(), p.outcome())
                && java.util.Objects.equals(outcomeDate.get(), p.outcomeOn())));
  }

  /** Reads the board; {@code reselect}: show the path open anew even if work is under way. */
  private void read(boolean reselect) {
    UUID keep = selected.get() == null ? null : selected.get().id();
    tasks.submit(
        msg.get("training.loading"),
        p -> new Board(service.board(null), service.outcomesDue()),
        b -> {
          loading.set(false);
          columns.values().forEach(List::clear);
          for (TrainingPath tp : b.paths()) {
            columns.get(tp.status()).add(tp);
          }
          dueIds.clear();
          b.due().forEach(d -> dueIds.add(d.id()));
          outcomesDue.set(dueIds.size());
          if (keep == null
              || !keep.equals(selected.get() == null ? null : selected.get().id())
              || !(reselect || untouched())) {
            return; // nothing open, another path opened meanwhile, or work under way on it
          }
          TrainingPath fresh =
              b.paths().stream().filter(tp -> tp.id().equals(keep)).findFirst().orElse(null);
          if (reselect || !java.util.Objects.equals(fresh, selected.get())) {
            select(fresh);
          }
        },
        this::fail);
  }

  public void select(TrainingPath p) {
    selected.set(p);
    pending.set(null);
    timeline.clear();
    warnings.clear();
    showOutcomeOf(p);
    if (p == null) {
      return;
    }
    PathDraft d = draftOf(p);
    tasks.submit(
        msg.get("training.loading"),
        pr -> new Object[] {service.timeline(p.candidateId()), service.warnings(d)},
        r -> {
          @SuppressWarnings("unchecked")
          List<TrainingEvent> ev = (List<TrainingEvent>) r[0];
          @SuppressWarnings("unchecked")
          List<RuleWarning> w = (List<RuleWarning>) r[1];
          timeline.setAll(ev);
          warnings.setAll(w);
        },
        this::fail);
  }

  /** Moves a path; a skip is not applied but becomes {@link #pending()} for confirmation. */
  public void move(TrainingPath p, TrainingStatus to, String note) {
    if (p == null || to == null || p.status() == to) {
      return;
    }
    submitMove(p.id(), p.version(), to, note, false);
  }

  /** Moves the selected path one step forward (+1) or back (−1) on the main line. */
  public void moveSelected(int direction) {
    TrainingPath p = selected.get();
    if (p == null) {
      return;
    }
    TrainingStatus to = direction > 0 ? p.status().next() : p.status().previous();
    if (to != null) {
      move(p, to, null);
    }
  }

  public void confirmPending() {
    PendingMove m = pending.get();
    if (m != null) {
      pending.set(null);
      submitMove(m.pathId(), m.version(), m.to(), m.note(), true);
    }
  }

  public void cancelPending() {
    pending.set(null);
  }

  private void submitMove(
      UUID id, RowVersion version, TrainingStatus to, String note, boolean confirm) {
    error.set(null);
    tasks.submit(
        msg.get("training.moving"),
        pr -> service.move(id, version, to, note, confirm),
        moved -> {
          info.set(
              msg.get(
                  "training.moved",
                  moved.candidateName(),
                  msg.get("training.status." + to.name())));
          selected.set(moved);
          showOutcomeOf(moved);
          load();
        },
        e -> {
          if (e instanceof StatusSkipException s) {
            pending.set(new PendingMove(id, version, to, note, skipMessage(s)));
          } else {
            fail(e);
          }
        });
  }

  private String skipMessage(StatusSkipException s) {
    var m = msg;
    String from = m.get("training.status." + s.from().name());
    String to = m.get("training.status." + s.to().name());
    if (s.skipped().isEmpty()) {
      return m.get("training.confirm.notNext", from, to);
    }
    return m.get(
        "training.confirm.skip",
        from,
        to,
        String.join(
            ", ", s.skipped().stream().map(x -> m.get("training.status." + x.name())).toList()));
  }

  /**
   * The outcome control shows the selected path's own outcome (empty when none is recorded), never
   * the previous person's; the steps it may move to (a training not begun cannot be "Terminé").
   */
  private void showOutcomeOf(TrainingPath p) {
    outcomeReplace.set(null);
    outcomeChoice.set(p == null ? null : p.outcome());
    outcomeDate.set(p == null ? null : p.outcomeOn());
    moveTargets.clear();
    if (p != null) {
      for (TrainingStatus s : TrainingStatus.values()) {
        if (s != p.status() && service.allows(p.startsOn(), s)) {
          moveTargets.add(s);
        }
      }
    }
  }

  /** True if the board offers moving {@code p} to {@code to} (drop target, step list). */
  public boolean canMove(TrainingPath p, TrainingStatus to) {
    return p != null && to != null && p.status() != to && service.allows(p.startsOn(), to);
  }

  /** Records the outcome chosen in the control; asks first when it replaces a recorded one. */
  public void saveOutcome() {
    TrainingPath p = selected.get();
    if (p == null) {
      return;
    }
    if (p.outcome() != null) {
      var m = msg;
      outcomeReplace.set(
          m.get(
              "training.outcome.replace",
              m.get("training.outcome." + p.outcome().name()),
              fr.passerelle.meetings.FrenchFormats.date(p.outcomeOn()),
              outcomeChoice.get() == null
                  ? ""
                  : m.get("training.outcome." + outcomeChoice.get().name())));
      return;
    }
    recordOutcome(outcomeChoice.get(), outcomeDate.get(), null);
  }

  /** The counselor confirmed replacing the recorded outcome. */
  public void confirmReplaceOutcome() {
    if (outcomeReplace.get() != null) {
      outcomeReplace.set(null);
      recordOutcome(outcomeChoice.get(), outcomeDate.get(), null);
    }
  }

  public void cancelReplaceOutcome() {
    outcomeReplace.set(null);
    showOutcomeOf(selected.get());
  }

  /** Records the six-month outcome of the selected path (no question asked: see saveOutcome). */
  public void recordOutcome(Outcome outcome, LocalDate on, String note) {
    TrainingPath p = selected.get();
    if (p == null) {
      return;
    }
    error.set(null);
    tasks.submit(
        msg.get("training.saving"),
        pr -> service.recordOutcome(p.id(), p.version(), outcome, on, note),
        saved -> {
          info.set(msg.get("training.outcomeSaved", saved.candidateName()));
          selected.set(saved);
          showOutcomeOf(saved);
          load();
        },
        this::fail);
  }

  /** Creates a path (then selects it); {@code done} gets it. */
  public void create(PathDraft d, String note, Consumer<TrainingPath> done) {
    error.set(null);
    tasks.submit(
        msg.get("training.saving"),
        pr -> // the office is read here, in the background: no database on the FX thread
        service.create(d, null, note, offices.current().map(o -> o.id()).orElse(null)),
        created -> {
          info.set(msg.get("training.created", created.candidateName()));
          selected.set(created);
          done.accept(created);
          load();
        },
        this::fail);
  }

  public boolean isOutcomeDue(TrainingPath p) {
    return p != null && dueIds.contains(p.id());
  }

  static PathDraft draftOf(TrainingPath p) {
    return new PathDraft(
        p.candidateId(),
        p.counselorId(),
        p.fromRomeCode(),
        p.targetRomeCode(),
        p.title(),
        p.provider(),
        p.place(),
        p.hours(),
        p.startsOn(),
        p.endsOn(),
        p.scheme(),
        p.amount(),
        p.offerId(),
        p.employerId(),
        p.meetingId());
  }

  private void fail(Throwable e) {
    error.set(msg.describe(e));
    if (e instanceof EditConflictException) {
      // a colleague changed the path since the board read it (ADR 0181): nothing was written
      conflict.set(error.get());
    }
  }

  /**
   * The change refused because a colleague changed the path since the board read it (who and when),
   * until the counselor chooses {@link #reloadTheirs} or {@link #keepEditing}; null otherwise.
   */
  public StringProperty conflict() {
    return conflict;
  }

  /** "Recharger": the board and the path as the colleague left them. */
  @Override
  public void reloadTheirs() {
    conflict.set(null);
    error.set(null);
    info.set(msg.get("training.conflict.reloaded"));
    load();
  }

  /** No comparison for a path's step or outcome: the same as {@link #reloadTheirs}. */
  @Override
  public void saveOnTheirs(Set<String> theirsFor) {
    reloadTheirs();
  }

  /** "Annuler": the board keeps what was chosen (the refusal stays said until reloaded). */
  @Override
  public void keepEditing() {
    conflict.set(null);
  }

  /** A funding scheme in words ("Contrat de professionnalisation intérimaire"), not its code. */
  public String schemeLabel(FundingScheme scheme) {
    return scheme == null ? "" : msg.get("training.scheme." + scheme.name());
  }

  public ObjectProperty<Outcome> outcomeChoice() {
    return outcomeChoice;
  }

  public ObjectProperty<LocalDate> outcomeDate() {
    return outcomeDate;
  }

  /** The question asked before replacing a recorded outcome, or null. */
  public StringProperty outcomeReplace() {
    return outcomeReplace;
  }

  /** The steps the selected path may be moved to. */
  public ObservableList<TrainingStatus> moveTargets() {
    return moveTargets;
  }

  public ObservableList<TrainingPath> column(TrainingStatus s) {
    return columns.get(s);
  }

  public ObjectProperty<TrainingPath> selected() {
    return selected;
  }

  public ObservableList<TrainingEvent> timeline() {
    return timeline;
  }

  public ObservableList<RuleWarning> warnings() {
    return warnings;
  }

  public ObjectProperty<PendingMove> pending() {
    return pending;
  }

  public IntegerProperty outcomesDue() {
    return outcomesDue;
  }

  public StringProperty error() {
    return error;
  }

  public StringProperty info() {
    return info;
  }
}
