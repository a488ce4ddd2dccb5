package fr.passerelle.sourcing.ui;

import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.sourcing.PipelineStatus;
import fr.passerelle.sourcing.Shares;
import fr.passerelle.sourcing.SourcingEntry;
import fr.passerelle.sourcing.SourcingList;
import fr.passerelle.sourcing.SourcingService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "My lists" and the selected list's entries, with pipeline moves; the people to add to it are
 * {@link ListAdding}'s.
 */
public final class ListsViewModel {
  private final SourcingService sourcing;
  private final TaskRunner tasks;
  private final Messages msg;
  private final ObservableList<SourcingList> lists = FXCollections.observableArrayList();
  private final ObjectProperty<SourcingList> selected = new SimpleObjectProperty<>();
  private final ObservableList<SourcingEntry> entries = FXCollections.observableArrayList();
  private final BooleanProperty includeClosed = new SimpleBooleanProperty(false);
  private final StringProperty message = new SimpleStringProperty("");
  // true until the first load has answered: "no list yet" is not shown before the lists are read
  private final BooleanProperty loading = new SimpleBooleanProperty(true);
  private final BooleanProperty entriesLoading = new SimpleBooleanProperty(false);
  private final ListAdding adding;

  public ListsViewModel(
      SourcingService sourcing, CandidateSearch candidates, TaskRunner tasks, Messages msg) {
    this.sourcing = sourcing;
    this.tasks = tasks;
    this.msg = msg;
    this.adding =
        new ListAdding(
            sourcing,
            candidates,
            tasks,
            msg,
            selected,
            entries,
            (l, who) -> {
              // the list shown may have changed meanwhile: select the person only in theirs
              if (selected.get() != null && selected.get().id().equals(l.id())) {
                loadEntries(null, who);
              }
              refreshFigures(l.id());
            },
            message::set);
    // a list replaced by its updated figures (same id) keeps its entries and their selection
    selected.addListener(
        (o, a, b) -> {
          if (!replacing && (a == null || b == null || !a.id().equals(b.id()))) {
            loadEntries(null);
            adding.forget();
          }
        });
    includeClosed.addListener((o, a, b) -> refresh());
  }

  /** Writes the selected list's entries, as its table shows them, to {@code file}; says where. */
  void export(java.nio.file.Path file) {
    SourcingList l = selected.get();
    if (l == null) {
      return;
    }
    tasks.submit(
        msg.get("lists.task.export"),
        p -> sourcing.export(l.id(), file),
        n -> message.set(msg.get("lists.export.done", n, file.getFileName().toString())),
        t -> message.set(msg.describe(t)));
  }

  public void refresh() {
    boolean closed = includeClosed.get();
    UUID keep = selected.get() == null ? null : selected.get().id();
    loading.set(true);
    tasks.submit(
        msg.get("lists.task.load"),
        p -> sourcing.lists(null, closed),
        r -> {
          loading.set(false);
          lists.setAll(r);
          if (keep != null) {
            r.stream().filter(l -> l.id().equals(keep)).findFirst().ifPresent(selected::set);
          }
        },
        t -> {
          loading.set(false);
          message.set(msg.describe(t));
        });
  }

  /** Reloads the selected list's entries; {@code focus} is the entry to keep selected. */
  void loadEntries(UUID focus) {
    loadEntries(focus, null);
  }

  /**
   * Reloads the selected list's entries; the entry to select is {@code focus}, else the entry of
   * candidate {@code focusCandidate} (one just added).
   */
  private void loadEntries(UUID focus, UUID focusCandidate) {
    SourcingList l = selected.get();
    long load = ++entriesLoad;
    if (l == null) {
      entriesLoading.set(false);
      entries.clear();
      return;
    }
    entriesLoading.set(true);
    tasks.submit(
        msg.get("lists.task.entries"),
        p -> sourcing.entries(l.id()),
        r -> {
          // loads run in parallel: only the latest (another list, a later move) is shown
          if (load == entriesLoad) {
            entriesLoading.set(false);
            focusEntry.set(
                focus != null || focusCandidate == null
                    ? focus
                    : r.stream()
                        .filter(e -> focusCandidate.equals(e.candidateId()))
                        .map(SourcingEntry::id)
                        .findFirst()
                        .orElse(null));
            entries.setAll(r);
          }
        },
        t -> {
          if (load == entriesLoad) {
            entriesLoading.set(false);
          }
          message.set(msg.describe(t));
        });
  }

  /** The entry to select once {@link #entries()} is next replaced (null: none). */
  final ObjectProperty<UUID> focusEntry = new SimpleObjectProperty<>();

  private long entriesLoad;
  private boolean replacing;

  /** Moves an entry to a status (dated in its history), then reloads the list and its figures. */
  public void move(SourcingEntry e, PipelineStatus to) {
    if (e == null || e.status() == to) {
      return;
    }
    // the move and the list's candidates first; its figures (slower, with the pool) after
    tasks.submit(
        msg.get("lists.task.move"),
        p -> {
          sourcing.move(e.id(), to, null);
          return null;
        },
        done -> {
          message.set(
              msg.get("lists.moved", e.displayName().trim(), msg.get("lists.status." + to.name())));
          loadEntries(e.id());
          refreshFigures(e.listId());
        },
        t -> message.set(msg.describe(t)));
  }

  /** Replaces a list in "my lists" by its updated figures (slower, with the pool). */
  private void refreshFigures(UUID listId) {
    tasks.submit(
        msg.get("lists.task.load"),
        p -> sourcing.find(listId).orElse(null),
        updated -> {
          if (updated != null) {
            int i = indexOf(updated.id());
            if (i >= 0) {
              boolean wasSelected =
                  selected.get() != null && selected.get().id().equals(updated.id());
              // the list view drops the selection of a replaced item: keep it, and the
              // list's candidates, as they are
              replacing = true;
              try {
                lists.set(i, updated);
                if (wasSelected) {
                  selected.set(updated);
                }
              } finally {
                replacing = false;
              }
            }
          }
        },
        t -> message.set(msg.describe(t)));
  }

  /** Takes an entry off its list; {@code removed} is told once done (to offer "Annuler"). */
  public void remove(SourcingEntry e, java.util.function.Consumer<SourcingEntry> removed) {
    if (e == null) {
      return;
    }
    tasks.submit(
        msg.get("lists.task.remove"),
        p -> {
          sourcing.remove(e.id());
          return e;
        },
        done -> {
          loadEntries(null);
          refreshFigures(e.listId());
          removed.accept(done);
        },
        t -> message.set(msg.describe(t)));
  }

  /** "Annuler" after a removal: the entry back with its status, history and score. */
  public void restore(SourcingEntry e) {
    tasks.submit(
        msg.get("lists.task.restore"),
        p -> sourcing.restore(e),
        back -> {
          message.set(msg.get("lists.restored", back.displayName().trim()));
          loadEntries(back.id());
          refreshFigures(back.listId());
        },
        t -> message.set(msg.describe(t)));
  }

  /** The people offered for adding to the selected list, and the adding. */
  ListAdding adding() {
    return adding;
  }

  public void forward(SourcingEntry e) {
    if (e != null) {
      move(e, e.status().next());
    }
  }

  public void back(SourcingEntry e) {
    if (e != null) {
      move(e, e.status().previous());
    }
  }

  private int indexOf(UUID id) {
    for (int i = 0; i < lists.size(); i++) {
      if (lists.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** "List: 40 % priority publics, 10 % RQTH — pool: 35 %, 8 %". */
  public String sharesText(Shares s) {
    return msg.get(
        "lists.shares",
        pct(s.listPriorityShare()),
        pct(s.listRqthShare()),
        pct(s.poolPriorityShare()),
        pct(s.poolRqthShare()),
        s.poolSize());
  }

  static String pct(double share) {
    return String.valueOf(Math.round(share * 100));
  }

  public ObservableList<SourcingList> lists() {
    return lists;
  }

  public ObjectProperty<SourcingList> selected() {
    return selected;
  }

  public ObservableList<SourcingEntry> entries() {
    return entries;
  }

  public BooleanProperty includeClosed() {
    return includeClosed;
  }

  /** True while "my lists" are being read. */
  public BooleanProperty loading() {
    return loading;
  }

  /** True while the selected list's candidates are being read. */
  public BooleanProperty entriesLoading() {
    return entriesLoading;
  }

  public StringProperty message() {
    return message;
  }

  List<PipelineStatus> statuses() {
    return List.of(PipelineStatus.values());
  }
}
