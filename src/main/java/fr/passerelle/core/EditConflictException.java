package fr.passerelle.core;

import java.time.Instant;
import java.util.Optional;

/**
 * A save refused because a colleague saved the same row after the form loaded it (optimistic
 * locking, ADR 0177): nothing was written. Says who made that newer edit (when the audit trail
 * knows it; a version received by sync names no account here) and when.
 */
public class EditConflictException extends UserFacingException {
  private final String who;
  private final Instant when;

  public EditConflictException(String what, String who, Instant when) {
    super(
        2,
        what
            + " was changed by "
            + (who == null ? "another office (sync)" : who)
            + " at "
            + when
            + " while you were editing it: reload it and save again.");
    this.who = who;
    this.when = when;
    if (who == null) {
      keyed("edit.conflict.unknown", java.util.Date.from(when));
    } else {
      keyed("edit.conflict", who, java.util.Date.from(when));
    }
  }

  /** Who saved the newer version (the audit trail's actor), empty when not known here. */
  public Optional<String> who() {
    return Optional.ofNullable(who);
  }

  /** When the newer version was saved. */
  public Instant when() {
    return when;
  }
}
