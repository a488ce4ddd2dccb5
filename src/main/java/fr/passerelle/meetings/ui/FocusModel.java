package fr.passerelle.meetings.ui;

import fr.passerelle.meetings.MeetingFocus;
import fr.passerelle.meetings.OfferRef;
import fr.passerelle.ui.Messages;
import fr.passerelle.ui.TaskRunner;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the meeting form knows of its focus: the occupation typed in the ROME field (looked up in
 * the background: label and open offers to choose from) and the offer the meeting serves.
 */
final class FocusModel {
  private static final Pattern ROME = Pattern.compile("[A-Z]\\d{4}");

  /** The state of the ROME field. */
  enum State {
    /** No occupation typed. */
    NONE,
    /** Not a ROME code, or not in the reference. */
    UNKNOWN,
    /** Being looked up. */
    LOOKING,
    /** Found: see {@link #occupation}. */
    KNOWN
  }

  private final MeetingFocus focus;
  private final fr.passerelle.occupations.OccupationService occupations;
  private final TaskRunner tasks;
  private final Messages messages;
  final ObjectProperty<State> state = new SimpleObjectProperty<>(State.NONE);
  final ObjectProperty<MeetingFocus.Occupation> occupation = new SimpleObjectProperty<>();
  private String asked = "";

  FocusModel(
      MeetingFocus focus,
      fr.passerelle.occupations.OccupationService occupations,
      TaskRunner tasks,
      Messages messages) {
    this.focus = focus;
    this.occupations = occupations;
    this.tasks = tasks;
    this.messages = messages;
  }

  /** Looks up the occupation {@code text} (any case); the last one asked wins. */
  void lookUp(String text) {
    String code = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    if (code.equals(asked)) {
      return;
    }
    asked = code;
    if (code.isEmpty()) {
      occupation.set(null);
      state.set(State.NONE);
      return;
    }
    if (!ROME.matcher(code).matches()) {
      occupation.set(null);
      state.set(State.UNKNOWN);
      return;
    }
    state.set(State.LOOKING);
    tasks.submit(
        messages.get("meetings.task.focus"),
        p -> focus.occupation(code),
        found -> {
          if (code.equals(asked)) {
            occupation.set(found.orElse(null));
            state.set(found.isPresent() ? State.KNOWN : State.UNKNOWN);
          }
        },
        e -> {
          if (code.equals(asked)) {
            occupation.set(null);
            state.set(State.UNKNOWN);
          }
        });
  }

  /**
   * Occupations for words typed in the ROME field (off the FX thread: the autocompletion's own
   * thread), from 2 letters; a ROME code alone suggests nothing (it is looked up as it is).
   */
  java.util.List<fr.passerelle.occupations.OccupationHit> suggest(String text) {
    String t = text == null ? "" : text.trim();
    if (t.length() < 2 || ROME.matcher(t.toUpperCase(Locale.ROOT)).matches()) {
      return java.util.List.of();
    }
    return occupations.search(t, 12);
  }

  /** The offer {@code id} (open or closed), handed to {@code then} on the FX thread. */
  void offer(UUID id, Consumer<Optional<OfferRef>> then) {
    if (id == null) {
      then.accept(Optional.empty());
      return;
    }
    tasks.submit(
        messages.get("meetings.task.focus"),
        p -> focus.offer(id),
        then::accept,
        e -> then.accept(Optional.empty()));
  }

  /** True when {@code text} is the occupation last looked up and found. */
  boolean known(String text) {
    MeetingFocus.Occupation o = occupation.get();
    return state.get() == State.KNOWN
        && o != null
        && Objects.equals(o.romeCode(), text == null ? null : text.trim().toUpperCase(Locale.ROOT));
  }
}
