package fr.passerelle.audit;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * What {@code audit verify} found: how many entries of how many chains were checked, and the first
 * broken entry if any.
 */
public record Verification(long entries, int chains, Optional<Broken> broken) {
  /** Why an entry breaks its chain. */
  public enum Problem {
    /** Its fields no longer give its hash: it was modified. */
    MODIFIED,
    /** Its details no longer match their digest: they were modified. */
    DETAILS_MODIFIED,
    /** It does not follow the entry before it (that one was modified or deleted). */
    NOT_FOLLOWING,
    /** Entries are missing before it: deleted. */
    MISSING_BEFORE,
    /** Two entries hold the same place in the chain. */
    DUPLICATE,
    /** The chain stops before its last entry written here: the last ones were deleted. */
    MISSING_AT_END
  }

  /** The first broken entry: its chain (origin installation), place, id and date when it exists. */
  public record Broken(
      UUID origin, long seq, UUID id, OffsetDateTime at, String action, Problem problem) {}

  public boolean intact() {
    return broken.isEmpty();
  }
}
