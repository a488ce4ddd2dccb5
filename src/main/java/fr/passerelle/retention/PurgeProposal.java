package fr.passerelle.retention;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is due on {@code asOf}, listed for a manager to confirm. {@code heldElsewhere}: persons
 * another organisation follows with records due here, left to it (its purge reaches this office by
 * sync).
 */
public record PurgeProposal(
    UUID id,
    OffsetDateTime computedAt,
    LocalDate asOf,
    String computedBy,
    Status status,
    List<Line> lines,
    int heldElsewhere) {

  public enum Status {
    OPEN,
    CONFIRMED,
    SUPERSEDED
  }

  /** One record and what it is, for a person to read ("Martin Camille", "Job dating du …"). */
  public record Line(DueItem item, String label) {}

  /** Records per kind, in the order of the kinds. */
  public Map<RecordKind, Long> counts() {
    Map<RecordKind, Long> m = new java.util.EnumMap<>(RecordKind.class);
    for (RecordKind k : RecordKind.values()) {
      m.put(k, lines.stream().filter(l -> l.item().kind() == k).count());
    }
    return m;
  }
}
