package fr.passerelle.ui;

import java.util.Set;

/**
 * What a form does with the counselor's answer to a save refused over a colleague's newer edit (ADR
 * 0177, 0181), as {@link ConflictDialogs} asks it.
 */
public interface ConflictChoices {
  /** "Recharger": drops what was typed and shows the row as the colleague saved it. */
  void reloadTheirs();

  /**
   * After "Comparer": the form now edits the colleague's version, keeping what was typed except the
   * fields whose label keys are in {@code theirsFor}, which take the colleague's values; nothing is
   * saved until the counselor saves again.
   */
  void saveOnTheirs(Set<String> theirsFor);

  /** "Annuler": the form keeps what was typed (saving again is refused until reloaded). */
  void keepEditing();
}
