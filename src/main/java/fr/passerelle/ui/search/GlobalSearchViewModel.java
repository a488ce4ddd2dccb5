package fr.passerelle.ui.search;

import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The global search: asks every provider in the background and keeps the grouped results of the
 * latest query only (an older, slower answer never replaces a newer one).
 */
public final class GlobalSearchViewModel {
  /** Hits per group. */
  public static final int PER_GROUP = 8;

  private final List<SearchProvider> providers;
  private final TaskRunner tasks;
  private final Messages messages;
  private final ObservableList<SearchGroup> groups = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private long generation;
  private TaskRunner.Handle running;

  public GlobalSearchViewModel(
      List<SearchProvider> providers, TaskRunner tasks, Messages messages) {
    this.providers = List.copyOf(providers);
    this.tasks = tasks;
    this.messages = messages;
  }

  /** The results of the latest query, by group; empty groups left out. */
  public ObservableList<SearchGroup> groups() {
    return groups;
  }

  /** "Aucun résultat pour …" or an error, empty while there are results. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public void search(String text) {
    String query = text == null ? "" : text.trim();
    long mine = ++generation;
    if (running != null) {
      running.cancel();
    }
    if (query.isEmpty()) {
      groups.clear();
      status.set("");
      return;
    }
    running =
        tasks.submit(
            messages.get("search.task"),
            p -> {
              List<SearchGroup> found = new ArrayList<>();
              for (SearchProvider provider : providers) {
                List<SearchResult> hits = provider.search(query, PER_GROUP);
                if (!hits.isEmpty()) {
                  found.add(new SearchGroup(messages.get(provider.groupKey()), hits));
                }
              }
              return found;
            },
            found -> {
              if (mine == generation) {
                groups.setAll(found);
                status.set(found.isEmpty() ? messages.get("search.none", query) : "");
              }
            },
            e -> {
              if (mine == generation) {
                groups.clear();
                status.set(messages.get("search.failed", messages.describe(e)));
              }
            });
  }
}
