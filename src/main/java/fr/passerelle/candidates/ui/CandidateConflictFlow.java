package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.core.EditConflictException;
import fr.passerelle.ui.ConflictChoices;
import fr.passerelle.ui.Messages;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The candidate form's save refused because a colleague saved the file meanwhile (ADR 0177), owned
 * by {@link CandidateDetailViewModel}: the file as now stored read after the refusal, the refusal
 * told (who and when), then the counselor's choice — reload theirs, edit theirs keeping chosen
 * fields of mine, or keep editing. What each choice does to the fields is the form's ({@link
 * Form}); this class holds the pending conflict and the order of things.
 */
public final class CandidateConflictFlow implements ConflictChoices {
  /** What the flow asks of the form. */
  interface Form {
    /** Shows the file as stored, what was typed dropped. */
    void show(CandidateDetail stored);

    /**
     * Edits {@code theirs} from now on: the fields keep what was typed, except those whose label
     * keys are in {@code theirsFor}, which take its values; the form stays unsaved.
     */
    void rebase(CandidateDetail theirs, Set<String> theirsFor);

    /** Says {@code text} under the form. */
    void say(String text);
  }

  private final CandidateService files;
  private final Messages msg;
  private final Form form;
  private final ObjectProperty<CandidateConflict> pending = new SimpleObjectProperty<>();

  CandidateConflictFlow(CandidateService files, Messages msg, Form form) {
    this.files = files;
    this.msg = msg;
    this.form = form;
  }

  /**
   * In the background, after {@code mine} was refused with {@code e}: the conflict, with the file
   * as it is now stored ({@code e} again when the file is gone).
   */
  CandidateConflict read(EditConflictException e, CandidateDetail mine) {
    CandidateDetail theirs = files.find(mine.id()).orElseThrow(() -> e);
    return new CandidateConflict(msg.describe(e), mine, theirs);
  }

  /** The refusal told; the conflict waits for the counselor's choice. */
  void refused(CandidateConflict c) {
    form.say(c.text());
    pending.set(c);
  }

  /** The refused save until the counselor chooses; null otherwise. */
  public ReadOnlyObjectProperty<CandidateConflict> pending() {
    return pending;
  }

  /** "Recharger": drops what was typed and shows the file as the colleague saved it. */
  @Override
  public void reloadTheirs() {
    CandidateConflict c = pending.get();
    if (c != null) {
      pending.set(null);
      form.show(c.theirs());
      form.say(msg.get("candidates.conflict.reloaded"));
    }
  }

  /**
   * After "Comparer": the form now edits the colleague's version, keeping what was typed except the
   * fields in {@code theirsFor} (label keys of {@link CandidateConflict}), which take the
   * colleague's values; nothing is saved until the counselor saves again.
   */
  @Override
  public void saveOnTheirs(Set<String> theirsFor) {
    CandidateConflict c = pending.get();
    if (c == null) {
      return;
    }
    pending.set(null);
    form.rebase(c.theirs(), theirsFor);
    form.say(msg.get("candidates.conflict.rebased"));
  }

  /** "Annuler": the form keeps what was typed (a new save is refused again until reloaded). */
  @Override
  public void keepEditing() {
    pending.set(null);
  }
}
