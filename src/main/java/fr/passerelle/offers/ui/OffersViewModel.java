package fr.passerelle.offers.ui;

import fr.passerelle.offers.CandidateMatch;
import fr.passerelle.offers.OfferFilter;
import fr.passerelle.offers.OfferPage;
import fr.passerelle.offers.OfferRow;
import fr.passerelle.offers.OffersModule;
import fr.passerelle.sourcing.AddReport;
import fr.passerelle.sourcing.Eligibility;
import fr.passerelle.sourcing.NewList;
import fr.passerelle.sourcing.SourcingList;
import fr.passerelle.sourcing.SourcingService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open-offers tab: offers hard to fill first, the selected offer's ranked candidates, and
 * adding the chosen candidates to a sourcing list. All service calls go through the TaskRunner.
 */
public final class OffersViewModel {
  private final OffersModule offers;
  private final SourcingService sourcing;
  private final TaskRunner tasks;
  private final Messages msg;

  private final ObservableList<OfferRow> rows = FXCollections.observableArrayList();
  private final BooleanProperty hardToFillOnly = new SimpleBooleanProperty(false);
  // null: every origin
  private final ObjectProperty<fr.passerelle.offers.OfferSource> source =
      new SimpleObjectProperty<>();
  private final StringProperty summary = new SimpleStringProperty("");
  // true until the first load has answered: the table shows progress, not "no offers"
  private final BooleanProperty loading = new SimpleBooleanProperty(true);
  private final BooleanProperty matchesLoading = new SimpleBooleanProperty(false);
  private long offersLoad;
  private UUID matchesFor;
  private long matchesLoad;
  private final StringProperty error = new SimpleStringProperty("");
  private final ObjectProperty<OfferRow> selected = new SimpleObjectProperty<>();
  private final ObservableList<CandidateMatch> matches = FXCollections.observableArrayList();
  private final BooleanProperty boostPriority = new SimpleBooleanProperty(false);
  private final StringProperty poolText = new SimpleStringProperty("");
  private final ObservableList<SourcingList> lists = FXCollections.observableArrayList();
  private final ObjectProperty<SourcingList> targetList = new SimpleObjectProperty<>();
  private final StringProperty addOutcome = new SimpleStringProperty("");

  public OffersViewModel(
      OffersModule offers, SourcingService sourcing, TaskRunner tasks, Messages msg) {
    this.offers = offers;
    this.sourcing = sourcing;
    this.tasks = tasks;
    this.msg = msg;
    hardToFillOnly.addListener((o, a, b) -> refresh());
    source.addListener((o, a, b) -> refresh());
    boostPriority.addListener((o, a, b) -> loadMatches());
    selected.addListener(
        (o, a, b) -> {
          addOutcome.set("");
          loadMatches();
        });
  }

  /**
   * Reads the open offers again whenever a change is committed on the office server — a colleague's
   * new offer or save on another workstation too (ADR 0178, 0192); the offer open stays selected.
   * Returns what stops it.
   */
  public AutoCloseable followChanges(
      fr.passerelle.db.ChangeNotices changes, java.util.concurrent.Executor ui) {
    return changes.subscribe(seq -> ui.execute(this::refresh));
  }

  /** Reloads the open offers (first 500, hard to fill first). */
  public void refresh() {
    loading.set(true);
    boolean only = hardToFillOnly.get();
    fr.passerelle.offers.OfferSource from = source.get();
    long load = ++offersLoad;
    tasks.submit(
        msg.get("offers.task.load"),
        p -> offers.hardToFill().openOffers(new OfferFilter(only, null, null, from, 500)),
        (OfferPage page) -> {
          if (load != offersLoad) {
            return; // the filters changed since: a later load answers
          }
          loading.set(false);
          error.set("");
          UUID keep = selected.get() == null ? null : selected.get().offer().id();
          rows.setAll(page.rows());
          summary.set(
              msg.get("offers.summary", page.matching(), page.hardToFill(), page.rows().size()));
          if (keep != null) {
            rows.stream()
                .filter(r -> r.offer().id().equals(keep))
                .findFirst()
                .ifPresent(selected::set);
          }
        },
        this::fail);
  }

  /** Loads the ranked candidates of the selected offer and the lists they may join. */
  public void loadMatches() {
    OfferRow row = selected.get();
    if (row == null) {
      matchesLoad++;
      matchesFor = null;
      matchesLoading.set(false);
      matches.clear();
      poolText.set("");
      lists.clear();
      return;
    }
    UUID id = row.offer().id();
    if (!id.equals(matchesFor)) {
      // another offer: its candidates are not the previous offer's, even for a moment
      matches.clear();
      poolText.set("");
      matchesFor = id;
    }
    matchesLoading.set(true);
    long load = ++matchesLoad;
    String rome = row.offer().romeCode();
    boolean boost = boostPriority.get();
    // the ranking first, the lists it may join after: at region scale the lists' figures take
    // far longer than the ranking, which is not kept waiting for them
    tasks.submit(
        msg.get("offers.task.match"),
        p -> offers.matching().candidatesFor(id, 50, boost),
        r -> {
          if (load != matchesLoad) {
            return; // another offer, or the boost toggled since: a later load answers
          }
          matchesLoading.set(false);
          matches.setAll(r.matches());
          poolText.set(
              msg.get(
                  "offers.match.pool",
                  r.pool(),
                  r.poolSameOccupation(),
                  percent(r.poolPriority(), r.pool()),
                  percent(r.poolRqth(), r.pool())));
        },
        this::fail);
    tasks.submit(
        msg.get("offers.task.lists"),
        p ->
            sourcing.lists(null, false).stream()
                .filter(l -> id.equals(l.offerId()) || (rome != null && rome.equals(l.romeCode())))
                .toList(),
        open -> {
          if (load != matchesLoad) {
            return; // another offer, or the boost toggled since: a later load answers
          }
          SourcingList keep = targetList.get();
          lists.setAll(open);
          targetList.set(
              keep == null
                  ? (lists.isEmpty() ? null : lists.get(0))
                  : lists.stream()
                      .filter(l -> l.id().equals(keep.id()))
                      .findFirst()
                      .orElse(lists.isEmpty() ? null : lists.get(0)));
        },
        this::fail);
  }

  /**
   * Adds the chosen candidates to the target list, or to a new list named after the offer when
   * there is none; reports who could not be added and why.
   */
  public void addToList(List<CandidateMatch> chosen, UUID ownerId) {
    OfferRow row = selected.get();
    if (row == null || chosen.isEmpty()) {
      return;
    }
    SourcingList target = targetList.get();
    Map<UUID, Integer> scores =
        chosen.stream()
            .collect(Collectors.toMap(CandidateMatch::candidateId, CandidateMatch::score));
    Map<UUID, String> names =
        chosen.stream()
            .collect(Collectors.toMap(CandidateMatch::candidateId, m -> m.displayName().trim()));
    String newName = row.offer().title() + " — " + row.offer().communeName();
    tasks.submit(
        msg.get("offers.task.addToList"),
        p -> {
          UUID listId =
              target != null
                  ? target.id()
                  : sourcing.create(new NewList(newName, row.offer().id(), null, ownerId, null));
          return Map.entry(listId, sourcing.add(listId, scores.keySet(), scores));
        },
        e -> {
          AddReport r = e.getValue();
          addOutcome.set(describe(r, names));
          loadMatches();
        },
        this::fail);
  }

  String describe(AddReport r, Map<UUID, String> names) {
    StringBuilder b = new StringBuilder(msg.get("offers.add.added", r.added()));
    Function<Eligibility, String> why = e -> msg.get("lists.why." + e.name());
    for (var x : r.refused().entrySet()) {
      b.append('\n')
          .append(msg.get("offers.add.refused", names.get(x.getKey()), why.apply(x.getValue())));
    }
    return b.toString();
  }

  static String percent(int part, int whole) {
    return whole == 0 ? "0" : String.valueOf(Math.round(100.0 * part / whole));
  }

  private void fail(Throwable t) {
    loading.set(false);
    matchesLoading.set(false);
    error.set(msg.describe(t));
  }

  public ObservableList<OfferRow> rows() {
    return rows;
  }

  public BooleanProperty hardToFillOnly() {
    return hardToFillOnly;
  }

  /** The origin of the listed offers; null for every origin. */
  public ObjectProperty<fr.passerelle.offers.OfferSource> source() {
    return source;
  }

  public StringProperty summary() {
    return summary;
  }

  public BooleanProperty loading() {
    return loading;
  }

  /** True while the selected offer's candidates are being ranked. */
  public BooleanProperty matchesLoading() {
    return matchesLoading;
  }

  public StringProperty error() {
    return error;
  }

  public ObjectProperty<OfferRow> selected() {
    return selected;
  }

  public ObservableList<CandidateMatch> matches() {
    return matches;
  }

  public BooleanProperty boostPriority() {
    return boostPriority;
  }

  public StringProperty poolText() {
    return poolText;
  }

  public ObservableList<SourcingList> lists() {
    return lists;
  }

  public ObjectProperty<SourcingList> targetList() {
    return targetList;
  }

  public StringProperty addOutcome() {
    return addOutcome;
  }
}
