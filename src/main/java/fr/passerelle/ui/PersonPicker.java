package fr.passerelle.ui;

import fr.passerelle.core.DateFormats;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A person picked by name: a search field and, below it, the suggestions — the view model's answers
 * to what is typed (searched in the background), or any other list of people it fills. Used by a
 * meeting's invite field and a sourcing list's "Ajouter un candidat…" (#19).
 *
 * <p>The suggestions keep a readable height and show only while there are some: what Enter picks is
 * always on screen. ↓ or Enter in the field moves into the suggestions, on the first one; Enter or
 * a double click picks the highlighted person; Esc, or ↑ on the first, returns to the field. The
 * answer to later letters, come after ↓, keeps the highlight on the same person (or the first), so
 * that Enter still picks someone.
 *
 * @param <T> a suggestion; {@code identity} tells when two are the same person
 */
public final class PersonPicker<T> {
  private static final DateTimeFormatter BIRTH = DateFormats.weekdayDate(Locale.FRENCH);

  /** The suggestions' height: five lines and a half, whatever the room below. */
  static final double SUGGESTIONS_HEIGHT = 140;

  public final TextField field = new TextField();
  public final ListView<T> suggestions = new ListView<>();

  private final Function<T, ?> identity;
  private final Consumer<T> chosen;

  /** The suggestion the counselor moved to, kept while a later answer replaces the list. */
  private T highlighted;

  /**
   * @param hits the suggestions, filled by the view model (on the FX thread)
   * @param identity what makes two suggestions the same person (their id)
   * @param line a suggestion's text, usually {@link #line}
   * @param typed told of each change of the field's text: the view model searches
   * @param chosen told of the person picked (Enter, double click)
   */
  public PersonPicker(
      ObservableList<T> hits,
      Function<T, ?> identity,
      Function<T, String> line,
      Consumer<String> typed,
      Consumer<T> chosen) {
    this.identity = identity;
    this.chosen = chosen;
    suggestions.setItems(hits);
    suggestions.setPrefHeight(SUGGESTIONS_HEIGHT);
    suggestions.setMinHeight(SUGGESTIONS_HEIGHT);
    suggestions.setFixedCellSize(26);
    suggestions.managedProperty().bind(Bindings.isNotEmpty(hits));
    suggestions.visibleProperty().bind(suggestions.managedProperty());
    VBox.setVgrow(suggestions, Priority.NEVER);
    suggestions.setCellFactory(
        l ->
            new ListCell<>() {
              @Override
              protected void updateItem(T h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : line.apply(h));
              }
            });
    field
        .textProperty()
        .addListener(
            (o, a, b) -> {
              highlighted = null;
              typed.accept(b);
            });
    suggestions
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, b) -> {
              if (b != null) {
                highlighted = b;
              }
            });
    hits.addListener((ListChangeListener<T>) c -> keepHighlight(hits));
    field.setOnKeyPressed(
        e -> {
          if ((e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) && enter()) {
            e.consume();
          }
        });
    suggestions.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            pick();
          } else if (e.getCode() == KeyCode.ESCAPE
              || (e.getCode() == KeyCode.UP
                  && suggestions.getSelectionModel().getSelectedIndex() <= 0)) {
            field.requestFocus();
            e.consume();
          }
        });
    suggestions.setOnMouseClicked(
        e -> {
          if (e.getClickCount() == 2) {
            pick();
          }
        });
  }

  /**
   * Moves into the suggestions, on the first one (as ↓ in the field does); false when there are
   * none.
   */
  public boolean enter() {
    if (suggestions.getItems().isEmpty()) {
      return false;
    }
    suggestions.requestFocus();
    suggestions.getSelectionModel().selectFirst();
    suggestions.getFocusModel().focus(0);
    suggestions.scrollTo(0);
    return true;
  }

  /** Empties the field (and so the suggestions, once the view model answers) and focuses it. */
  public void clear() {
    field.clear();
    field.requestFocus();
  }

  private void pick() {
    T h = suggestions.getSelectionModel().getSelectedItem();
    if (h != null && suggestions.isVisible()) {
      chosen.accept(h);
    }
  }

  private void keepHighlight(ObservableList<T> hits) {
    if (highlighted == null || hits.isEmpty()) {
      return;
    }
    Object id = identity.apply(highlighted);
    int at = 0;
    for (int i = 0; i < hits.size(); i++) {
      if (Objects.equals(identity.apply(hits.get(i)), id)) {
        at = i;
      }
    }
    suggestions.getSelectionModel().clearAndSelect(at);
    suggestions.getFocusModel().focus(at);
  }

  /** "NOM Prénom · lun. 8 déc. 2025 · Commune": a person as a suggestion shows them. */
  public static String line(
      String lastName, String firstName, LocalDate birthDate, String commune) {
    return (lastName == null ? "" : lastName.toUpperCase(Locale.FRENCH))
        + " "
        + (firstName == null ? "" : firstName)
        + (birthDate == null ? "" : " · " + BIRTH.format(birthDate))
        + (commune == null ? "" : " · " + commune);
  }
}
