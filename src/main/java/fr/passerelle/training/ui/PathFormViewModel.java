package fr.passerelle.training.ui;

import fr.passerelle.occupations.OccupationHit;
import fr.passerelle.training.CandidateRef;
import fr.passerelle.training.FundingScheme;
import fr.passerelle.training.MeetingRef;
import fr.passerelle.training.PathDraft;
import fr.passerelle.training.PathOffer;
import fr.passerelle.training.RuleWarning;
import fr.passerelle.ui.UiContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The new-path form: the fields, the pickers' results, the live rule warnings and the reason the
 * form cannot be saved yet (null when it can).
 */
public final class PathFormViewModel {
  private final fr.passerelle.training.TrainingService training;
  private final fr.passerelle.training.TrainingReads queries;
  private final fr.passerelle.occupations.OccupationService occupationService;
  private final fr.passerelle.ui.TaskRunner tasks;
  private final fr.passerelle.ui.Messages msg;
  final ObjectProperty<CandidateRef> candidate = new SimpleObjectProperty<>();
  final ObservableList<CandidateRef> candidates = FXCollections.observableArrayList();
  final ObjectProperty<OccupationHit> from = new SimpleObjectProperty<>();
  final ObjectProperty<OccupationHit> target = new SimpleObjectProperty<>();
  final ObservableList<OccupationHit> occupations = FXCollections.observableArrayList();
  final StringProperty title = new SimpleStringProperty("");
  final StringProperty provider = new SimpleStringProperty("");
  final StringProperty place = new SimpleStringProperty("");
  final StringProperty hours = new SimpleStringProperty("");
  final StringProperty amount = new SimpleStringProperty("");
  final ObjectProperty<LocalDate> startsOn = new SimpleObjectProperty<>();
  final ObjectProperty<LocalDate> endsOn = new SimpleObjectProperty<>();
  final ObjectProperty<FundingScheme> scheme = new SimpleObjectProperty<>();
  final ObjectProperty<MeetingRef> meeting = new SimpleObjectProperty<>();
  final ObservableList<MeetingRef> meetings = FXCollections.observableArrayList();
  final ObjectProperty<PathOffer> offer = new SimpleObjectProperty<>();
  final ObservableList<PathOffer> offers = FXCollections.observableArrayList();
  private java.util.UUID pendingOffer;
  final StringProperty note = new SimpleStringProperty("");
  final StringProperty invalid = new SimpleStringProperty();
  final ObservableList<RuleWarning> warnings = FXCollections.observableArrayList();

  /** Built from the window's context: what it uses of it. */
  public PathFormViewModel(UiContext ctx) {
    this(
        ctx.services().training(),
        ctx.services().trainingReads(),
        ctx.services().occupations(),
        ctx.tasks(),
        ctx.messages());
  }

  public PathFormViewModel(
      fr.passerelle.training.TrainingService training,
      fr.passerelle.training.TrainingReads queries,
      fr.passerelle.occupations.OccupationService occupationService,
      fr.passerelle.ui.TaskRunner tasks,
      fr.passerelle.ui.Messages msg) {
    this.training = training;
    this.queries = queries;
    this.occupationService = occupationService;
    this.tasks = tasks;
    this.msg = msg;
    for (javafx.beans.value.ObservableValue<?> p :
        java.util.List.<javafx.beans.value.ObservableValue<?>>of(
            candidate, title, hours, amount, startsOn, endsOn, scheme, target, offer)) {
      p.addListener((o, a, b) -> revalidate());
    }
    target.addListener((o, a, b) -> loadOffers());
    revalidate();
  }

  /**
   * Clears the form, then sets the target occupation {@code request} names and, once that
   * occupation's open offers are loaded, the offer it names (a path started from another view).
   */
  public void prefill(fr.passerelle.ui.ActionRequest request) {
    reset();
    pendingOffer = request.offerId();
    tasks.submit(
        "",
        p -> occupationService.find(request.romeCode()),
        hit -> hit.ifPresent(target::set),
        fr.passerelle.ui.TaskRunner.logged("The occupation of a path to prefill"));
  }

  /** Clears the form and loads the training information meetings. */
  public void reset() {
    candidate.set(null);
    candidates.clear();
    from.set(null);
    target.set(null);
    title.set("");
    provider.set("");
    place.set("");
    hours.set("");
    amount.set("");
    startsOn.set(null);
    endsOn.set(null);
    scheme.set(null);
    meeting.set(null);
    offer.set(null);
    note.set("");
    tasks.submit(
        "",
        p -> training.trainingMeetings(),
        meetings::setAll,
        fr.passerelle.ui.TaskRunner.logged("The training meetings' list"));
  }

  public void searchCandidates(String text) {
    tasks.submit(
        "",
        p -> queries.findCandidates(text),
        list -> {
          candidates.setAll(list);
          if (!list.isEmpty()) {
            candidate.set(list.get(0));
          }
        },
        fr.passerelle.ui.TaskRunner.logged("The candidate suggestions"));
  }

  /**
   * Searches occupations and hands the suggestions to {@code show}: the counselor chooses one. Only
   * a ROME code typed in full is taken at once (that is a choice, not a guess): never the first of
   * several suggestions ("préparateur de commandes" must not become another occupation).
   */
  public void searchOccupations(
      String text,
      java.util.function.Consumer<java.util.List<OccupationHit>> show,
      ObjectProperty<OccupationHit> into) {
    String typed = text == null ? "" : text.trim();
    tasks.submit(
        "",
        p -> occupationService.search(typed, 20),
        list -> {
          occupations.setAll(list);
          show.accept(list);
          list.stream()
              .filter(h -> h.romeCode().equalsIgnoreCase(typed))
              .findFirst()
              .ifPresent(into::set);
        },
        fr.passerelle.ui.TaskRunner.logged("The occupation suggestions"));
  }

  private void loadOffers() {
    OccupationHit t = target.get();
    offer.set(null);
    if (t == null) {
      offers.clear();
      return;
    }
    tasks.submit(
        "",
        p -> queries.openOffers(t.romeCode()),
        list -> {
          offers.setAll(list);
          list.stream().filter(o -> o.id().equals(pendingOffer)).findFirst().ifPresent(offer::set);
          pendingOffer = null;
        },
        fr.passerelle.ui.TaskRunner.logged("The open offers of the target occupation"));
  }

  private void revalidate() {
    invalid.set(reason());
    if (invalid.get() == null) {
      PathDraft d = draft();
      tasks.submit(
          "",
          p -> training.warnings(d),
          warnings::setAll,
          fr.passerelle.ui.TaskRunner.logged("The funding rule warnings"));
    } else {
      warnings.clear();
    }
  }

  private String reason() {
    var m = msg;
    if (candidate.get() == null) {
      return m.get("training.form.need.candidate");
    }
    if (title.get() == null || title.get().isBlank()) {
      return m.get("training.form.need.title");
    }
    if (parseHours() == Integer.MIN_VALUE) {
      return m.get("training.form.bad.hours");
    }
    if (parseAmount() == null && !amount.get().isBlank()) {
      return m.get("training.form.bad.amount");
    }
    if (startsOn.get() != null && endsOn.get() != null && endsOn.get().isBefore(startsOn.get())) {
      return m.get("training.form.bad.dates", endsOn.get(), startsOn.get());
    }
    return null;
  }

  private int parseHours() {
    String h = hours.get() == null ? "" : hours.get().trim();
    if (h.isEmpty()) {
      return 0;
    }
    try {
      int v = Integer.parseInt(h);
      return v > 0 ? v : Integer.MIN_VALUE;
    } catch (NumberFormatException e) {
      return Integer.MIN_VALUE;
    }
  }

  private BigDecimal parseAmount() {
    try {
      BigDecimal b = new BigDecimal(amount.get().trim().replace(" ", "").replace(',', '.'));
      return b.signum() < 0 ? null : b;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** True when the counselor filled in anything (a path not saved yet). */
  public boolean filled() {
    boolean picked =
        java.util.stream.Stream.of(
                candidate.get(),
                from.get(),
                target.get(),
                startsOn.get(),
                endsOn.get(),
                scheme.get(),
                meeting.get(),
                offer.get())
            .anyMatch(java.util.Objects::nonNull);
    boolean typed =
        java.util.stream.Stream.of(
                title.get(), provider.get(), place.get(), hours.get(), amount.get(), note.get())
            .anyMatch(t -> t != null && !t.isBlank());
    return picked || typed;
  }

  /** The draft of the current fields (call when {@link #invalid} is null). */
  public PathDraft draft() {
    int h = parseHours();
    PathOffer o = offer.get();
    return new PathDraft(
        candidate.get().id(),
        null,
        from.get() == null ? null : from.get().romeCode(),
        target.get() == null ? null : target.get().romeCode(),
        title.get().trim(),
        provider.get(),
        place.get(),
        h <= 0 ? null : h,
        startsOn.get(),
        endsOn.get(),
        scheme.get(),
        amount.get().isBlank() ? null : parseAmount(),
        o == null ? null : o.id(),
        o == null ? null : o.employerId(),
        meeting.get() == null ? null : meeting.get().id());
  }

  public StringProperty invalid() {
    return invalid;
  }

  public ObservableList<RuleWarning> warnings() {
    return warnings;
  }
}
