package fr.passerelle.candidates.ui;

import fr.passerelle.candidates.CandidateDetail;
import fr.passerelle.candidates.PriorityCriterion;
import java.time.LocalDate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One priority criterion in the form: held or not, since when, proof seen (on a date). */
public final class CriterionRow {
  private final PriorityCriterion kind;
  private final BooleanProperty held = new SimpleBooleanProperty();
  private final ObjectProperty<LocalDate> since = new SimpleObjectProperty<>();
  private final BooleanProperty proofSeen = new SimpleBooleanProperty();
  private final ObjectProperty<LocalDate> proofSeenOn = new SimpleObjectProperty<>();

  CriterionRow(PriorityCriterion kind) {
    this.kind = kind;
  }

  void load(CandidateDetail.Criterion c) {
    held.set(c != null);
    since.set(c == null ? null : c.since());
    proofSeen.set(c != null && c.proofSeen());
    proofSeenOn.set(c == null ? null : c.proofSeenOn());
  }

  CandidateDetail.Criterion toCriterion(LocalDate today) {
    if (!held.get()) {
      return null;
    }
    LocalDate seenOn =
        proofSeen.get() ? (proofSeenOn.get() == null ? today : proofSeenOn.get()) : null;
    return new CandidateDetail.Criterion(kind, since.get(), proofSeen.get(), seenOn);
  }

  public PriorityCriterion kind() {
    return kind;
  }

  public BooleanProperty held() {
    return held;
  }

  public ObjectProperty<LocalDate> since() {
    return since;
  }

  public BooleanProperty proofSeen() {
    return proofSeen;
  }

  public ObjectProperty<LocalDate> proofSeenOn() {
    return proofSeenOn;
  }
}
