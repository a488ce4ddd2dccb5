package fr.passerelle.sourcing.ui;

import fr.passerelle.candidates.CandidateHit;
import fr.passerelle.candidates.CandidatePage;
import fr.passerelle.candidates.CandidateQuery;
import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.candidates.CandidateSummary;
import fr.passerelle.sourcing.AddReport;
import fr.passerelle.sourcing.Eligibility;
import fr.passerelle.sourcing.SourcingEntry;
import fr.passerelle.sourcing.SourcingList;
import fr.passerelle.sourcing.SourcingService;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The people offered for adding to the list shown, beside {@link ListsViewModel}: found by name
 * ("Ajouter un candidat…"), or the candidates of its occupation not on it yet ("Candidats du
 * métier"), and the adding itself, said beside the field (#19).
 */
final class ListAdding {
  /** "Candidats du métier" proposes at most this many (the first, said as such). */
  static final int OCCUPATION_PICKS = 50;

  /** Suggestions for a name typed. */
  static final int NAME_PICKS = 20;

  private final SourcingService sourcing;
  private final CandidateSearch candidates;
  private final TaskRunner tasks;
  private final Messages msg;
  private final ObservableObjectValue<SourcingList> list;
  private final List<SourcingEntry> entries;
  private final BiConsumer<SourcingList, UUID> added;
  private final Consumer<String> fault;

  /** The people offered to add to the list shown (a name's matches, or its occupation's). */
  final ObservableList<CandidateHit> hits = FXCollections.observableArrayList();

  /** What adding said, beside the field: added, already on the list, refused and why. */
  final StringProperty note = new SimpleStringProperty("");

  /**
   * The number of the last suggestions asked: an answer to an earlier one, come late, is dropped.
   */
  private long lastHits;

  /**
   * Adds to {@code list} (the list shown), whose entries as shown are {@code entries}; {@code
   * added} is told of a person added to a list (to show them in it), {@code fault} of a search that
   * failed.
   */
  ListAdding(
      SourcingService sourcing,
      CandidateSearch candidates,
      TaskRunner tasks,
      Messages msg,
      ObservableObjectValue<SourcingList> list,
      List<SourcingEntry> entries,
      BiConsumer<SourcingList, UUID> added,
      Consumer<String> fault) {
    this.sourcing = sourcing;
    this.candidates = candidates;
    this.tasks = tasks;
    this.msg = msg;
    this.list = list;
    this.entries = entries;
    this.added = added;
    this.fault = fault;
  }

  /** Another list shown: the people offered for the last one are not offered for this one. */
  void forget() {
    lastHits++;
    hits.clear();
    note.set("");
  }

  /** True when people can be added to {@code l}: a list chosen and not closed. */
  static boolean open(SourcingList l) {
    return l != null && l.closedOn() == null;
  }

  /** Suggestions for {@code text} typed in "Ajouter un candidat…", searched in the background. */
  void search(String text) {
    long mine = ++lastHits;
    note.set("");
    if (text == null || text.isBlank()) {
      hits.clear();
      return;
    }
    tasks.submit(
        msg.get("lists.task.search"),
        p -> candidates.byName(text, NAME_PICKS),
        found -> {
          if (mine == lastHits) {
            hits.setAll(found);
          }
        },
        t -> fault.accept(msg.describe(t)));
  }

  /**
   * "Candidats du métier": the suggestions become the candidates who target the list's occupation
   * and are not on it yet, the first {@link #OCCUPATION_PICKS} (said when there are more); {@code
   * shown} is told once they are there (to move into them).
   */
  void ofOccupation(Runnable shown) {
    SourcingList l = list.get();
    if (!open(l) || l.romeCode() == null) {
      return;
    }
    long mine = ++lastHits;
    note.set("");
    String occupation = l.romeCode() + (l.romeLabel() == null ? "" : " " + l.romeLabel());
    tasks.submit(
        msg.get("lists.task.occupation"),
        p -> notListed(l.id(), l.romeCode()),
        found -> {
          if (mine != lastHits) {
            return;
          }
          hits.setAll(found.hits());
          note.set(
              found.hits().isEmpty()
                  ? msg.get("lists.add.occupation.none", occupation)
                  : found.more()
                      ? msg.get("lists.add.occupation.first", found.hits().size(), occupation)
                      : msg.get("lists.add.occupation.all", found.hits().size(), occupation));
          if (!found.hits().isEmpty()) {
            shown.run();
          }
        },
        t -> fault.accept(msg.describe(t)));
  }

  /**
   * The occupation's candidates not on the list, the first ones; {@code more}: there are others.
   */
  record Picks(List<CandidateHit> hits, boolean more) {}

  /** In the background: the list's candidates, then the occupation's pages until enough. */
  private Picks notListed(UUID listId, String romeCode) {
    java.util.Set<UUID> listed =
        sourcing.entries(listId).stream()
            .map(SourcingEntry::candidateId)
            .collect(java.util.stream.Collectors.toSet());
    CandidateQuery q = CandidateQuery.builder().occupation(romeCode, null).build();
    List<CandidateHit> out = new java.util.ArrayList<>();
    int size = 200;
    for (int from = 0; ; from += size) {
      CandidatePage page = candidates.page(q, from, size);
      for (CandidateSummary c : page.rows()) {
        if (!listed.contains(c.id())) {
          if (out.size() == OCCUPATION_PICKS) {
            return new Picks(out, true);
          }
          out.add(
              new CandidateHit(
                  c.id(), c.lastName(), c.firstName(), c.birthDate(), c.communeName()));
        }
      }
      if (page.rows().size() < size || from + size >= CandidateSearch.COUNT_CAP) {
        return new Picks(out, false);
      }
    }
  }

  /**
   * Adds {@code who} to the list shown (in the background); someone already on it is said so, not
   * added twice, and a refusal says why. False when nothing was asked (already on the list, no open
   * list).
   */
  boolean add(CandidateHit who) {
    SourcingList l = list.get();
    if (!open(l) || who == null) {
      return false;
    }
    String name = nameOf(who);
    if (entries.stream().anyMatch(e -> who.id().equals(e.candidateId()))) {
      note.set(msg.get("lists.add.twice", name));
      return false;
    }
    tasks.submit(
        msg.get("lists.task.add"),
        p -> sourcing.add(l.id(), java.util.Set.of(who.id()), null),
        (AddReport r) -> {
          Eligibility why = r.refused().get(who.id());
          if (r.added() > 0) {
            note.set(msg.get("lists.add.added", name, l.name()));
            hits.removeIf(h -> h.id().equals(who.id()));
            added.accept(l, who.id());
          } else if (why == Eligibility.ALREADY_IN_LIST) {
            note.set(msg.get("lists.add.twice", name));
          } else {
            note.set(
                msg.get(
                    "lists.add.refused",
                    name,
                    msg.get("lists.why." + (why == null ? Eligibility.UNKNOWN_CANDIDATE : why))));
          }
        },
        t -> note.set(msg.describe(t)));
    return true;
  }

  /** "NOM Prénom", as the entries show a person. */
  private static String nameOf(CandidateHit h) {
    return ((h.lastName() == null ? "" : h.lastName().toUpperCase(java.util.Locale.FRENCH))
            + " "
            + (h.firstName() == null ? "" : h.firstName()))
        .trim();
  }
}
