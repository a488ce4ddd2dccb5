package fr.passerelle.db;

import java.util.UUID;

/**
 * The version of a replicated row as a form loaded it: the dot of its last write ({@code
 * dot_replica}/{@code dot_seq}, unique per write, ADR 0152). A save carrying it is refused when the
 * row was written since ({@link EditLocks}, ADR 0177).
 */
public record RowVersion(UUID replica, long seq) {
  /** {@code replica:seq}, as the audit trail's RECORD_SAVED entries name the version they wrote. */
  @Override
  public String toString() {
    return replica + ":" + seq;
  }
}
