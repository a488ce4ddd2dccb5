package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidatePage;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.candidates.CandidateStatus;
import fr.passerelle.candidates.CandidateSummary;
import fr.passerelle.candidates.PriorityCriterion;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The candidates list: search text, filters, and the rows loaded page by page (never the whole
 * table). Without text or filter it shows the candidates opened last.
 */
public final class CandidatesViewModel {
  private final CandidateSearch service;
  private final TaskRunner tasks;
  private final Messages msg;

  private final StringProperty text = new SimpleStringProperty("");
  private final StringProperty romeCode = new SimpleStringProperty("");
  private final StringProperty domainCode = new SimpleStringProperty("");
  private final StringProperty communeCode = new SimpleStringProperty("");
  private final ObjectProperty<Integer> radiusKm = new SimpleObjectProperty<>(0);
  private final ObjectProperty<LocalDate> availableBy = new SimpleObjectProperty<>();
  private final ObservableSet<PriorityCriterion> criteria = FXCollections.observableSet();
  private final ObjectProperty<CandidateStatus> status = new SimpleObjectProperty<>();
  private final ObjectProperty<Boolean> consentShare = new SimpleObjectProperty<>();
  private final ObjectProperty<fr.passerelle.candidates.AgeBand> ageBand =
      new SimpleObjectProperty<>();

  private final ObservableList<CandidateSummary> rows = FXCollections.observableArrayList();
  private final IntegerProperty total = new SimpleIntegerProperty();
  private final BooleanProperty capped = new SimpleBooleanProperty();
  private final BooleanProperty loading = new SimpleBooleanProperty();
  private final BooleanProperty showingRecent = new SimpleBooleanProperty(true);
  private final StringProperty summary = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty unanswerable = new SimpleStringProperty("");
  private long generation;
  private boolean loadingMore;

  public CandidatesViewModel(CandidateSearch service, TaskRunner tasks, Messages msg) {
    this.service = service;
    this.tasks = tasks;
    this.msg = msg;
  }

  /** The query the text and filters describe. */
  public CandidateQuery query() {
    return CandidateQuery.builder()
        .text(text.get())
        .occupation(blankToNull(romeCode.get()), blankToNull(domainCode.get()))
        .area(blankToNull(communeCode.get()), radiusKm.get())
        .availableBy(availableBy.get())
        .criteria(Set.copyOf(criteria))
        .status(status.get())
        .consentShare(consentShare.get())
        .ageBand(ageBand.get())
        .build();
  }

  /** True when nothing is typed and no filter is set. */
  public boolean isEmptyQuery() {
    CandidateQuery q = query();
    return (q.text() == null || q.text().isBlank())
        && q.romeCode() == null
        && q.domainCode() == null
        && q.communeCode() == null
        && q.availableBy() == null
        && q.criteria().isEmpty()
        && q.status() == null
        && q.consentShare() == null
        && q.ageBand() == null;
  }

  /** Runs the search from the first page (the view debounces keystrokes). */
  /**
   * Searches again, on {@code ui}, whenever a change is committed on the office server — by another
   * workstation too (ADR 0178); returns what stops it.
   */
  public AutoCloseable followChanges(
      fr.passerelle.db.ChangeNotices changes, java.util.concurrent.Executor ui) {
    return changes.subscribe(seq -> ui.execute(this::search));
  }

  public void search() {
    long gen = ++generation;
    loading.set(true);
    error.set("");
    if (!unanswerable.get().isEmpty()) {
      // a commune typed that names none or several: say so, not the last candidates opened (#19)
      showingRecent.set(false);
      rows.clear();
      total.set(0);
      capped.set(false);
      summary.set("");
      loading.set(false);
      return;
    }
    if (isEmptyQuery()) {
      tasks.submit(
          msg.get("candidates.task.search"),
          p -> service.recent(),
          recent -> {
            if (gen == generation) {
              showingRecent.set(true);
              rows.setAll(recent);
              total.set(recent.size());
              capped.set(false);
              summary.set(
                  recent.isEmpty() ? "" : msg.get("candidates.summary.recent", recent.size()));
              loading.set(false);
            }
          },
          this::failed);
      return;
    }
    CandidateQuery q = query();
    tasks.submit(
        msg.get("candidates.task.search"),
        p -> service.page(q, 0, CandidateSearch.PAGE_SIZE),
        page -> {
          if (gen == generation) {
            showingRecent.set(false);
            rows.setAll(page.rows());
            total.set(page.total());
            capped.set(page.totalCapped());
            summary.set(summaryOf(page));
            loading.set(false);
          }
        },
        this::failed);
  }

  private String summaryOf(CandidatePage page) {
    if (page.totalCapped()) {
      return msg.get("candidates.summary.many", CandidateSearch.COUNT_CAP);
    }
    return msg.get("candidates.summary.count", page.total());
  }

  /** Loads the next page when the table scrolls near the end of what is loaded. */
  public void loadMore() {
    if (loadingMore || showingRecent.get() || rows.size() >= total.get() && !capped.get()) {
      return;
    }
    long gen = generation;
    loadingMore = true;
    int offset = rows.size();
    CandidateQuery q = query();
    tasks.submit(
        msg.get("candidates.task.search"),
        p -> service.search(q, offset, CandidateSearch.PAGE_SIZE),
        more -> {
          loadingMore = false;
          if (gen == generation && rows.size() == offset) {
            rows.addAll(more);
            if (more.size() < CandidateSearch.PAGE_SIZE) {
              total.set(rows.size());
              capped.set(false);
            }
          }
        },
        e -> {
          loadingMore = false;
          failed(e);
        });
  }

  /**
   * The commune filter's text: an INSEE code, a suggestion picked ("31555 Toulouse") or a name one
   * commune bears filters on that commune; a name several bear, or none, leaves the list empty with
   * the reason ({@link #emptyText}). Returns the commune found, if any.
   */
  public java.util.Optional<fr.passerelle.candidates.ReferenceLookup.Commune> communeText(
      String text) {
    var found = CommuneCompletion.resolve(reference(), text);
    communeCode.set(found.map(c -> c.inseeCode()).orElse(""));
    String t = text == null ? "" : text.trim();
    if (t.isEmpty() || found.isPresent()) {
      unanswerable.set("");
    } else {
      List<fr.passerelle.candidates.ReferenceLookup.Commune> named = reference().communesNamed(t);
      unanswerable.set(
          named.size() > 1
              ? msg.get(
                  "candidates.empty.communeAmbiguous",
                  named.size(),
                  String.join(
                      ", ",
                      named.stream().limit(8).map(c -> c.inseeCode() + " " + c.name()).toList()))
              : msg.get("candidates.empty.communeUnknown", t));
    }
    return found;
  }

  /**
   * What the table says when it has no row: why the filters cannot be answered, or how to start
   * (the last candidates opened are shown there), or that nothing matches.
   */
  public javafx.beans.binding.StringBinding emptyText() {
    return javafx.beans.binding.Bindings.createStringBinding(
        () ->
            !unanswerable.get().isEmpty()
                ? unanswerable.get()
                : msg.get(showingRecent.get() ? "candidates.empty.start" : "candidates.empty.none"),
        unanswerable,
        showingRecent);
  }

  public void clearFilters() {
    romeCode.set("");
    domainCode.set("");
    communeCode.set("");
    unanswerable.set("");
    radiusKm.set(0);
    availableBy.set(null);
    criteria.clear();
    status.set(null);
    consentShare.set(null);
    ageBand.set(null);
  }

  private void failed(Throwable e) {
    loading.set(false);
    error.set(msg.get("candidates.error.search", msg.describe(e)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public StringProperty text() {
    return text;
  }

  public StringProperty romeCode() {
    return romeCode;
  }

  public StringProperty domainCode() {
    return domainCode;
  }

  public StringProperty communeCode() {
    return communeCode;
  }

  public ObjectProperty<Integer> radiusKm() {
    return radiusKm;
  }

  public ObjectProperty<LocalDate> availableBy() {
    return availableBy;
  }

  public ObservableSet<PriorityCriterion> criteria() {
    return criteria;
  }

  public ObjectProperty<CandidateStatus> status() {
    return status;
  }

  /** The age group filter (from the birth date, counted today); null = any age. */
  public ObjectProperty<fr.passerelle.candidates.AgeBand> ageBand() {
    return ageBand;
  }

  /** The reference data (communes) the commune filter resolves a name against. */
  public fr.passerelle.candidates.ReferenceLookup reference() {
    return service.reference();
  }

  public ObjectProperty<Boolean> consentShare() {
    return consentShare;
  }

  public ObservableList<CandidateSummary> rows() {
    return rows;
  }

  public IntegerProperty total() {
    return total;
  }

  public BooleanProperty loading() {
    return loading;
  }

  public BooleanProperty showingRecent() {
    return showingRecent;
  }

  public StringProperty summary() {
    return summary;
  }

  public StringProperty error() {
    return error;
  }

  /** For tests: the rows as display names. */
  List<String> names() {
    return rows.stream().map(CandidateSummary::displayName).toList();
  }
}
