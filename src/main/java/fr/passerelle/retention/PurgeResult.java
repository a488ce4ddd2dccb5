package fr.passerelle.retention;

import java.util.Map;
import java.util.UUID;

/**
 * What a confirmed purge did: records erased per kind, rows tombstoned per table, and the records
 * of the proposal no longer due when it was confirmed (a contact since, a rule lengthened), kept.
 */
public record PurgeResult(
    UUID proposalId, Map<RecordKind, Integer> erased, Map<String, Integer> rows, int skipped) {

  public int erasedTotal() {
    return erased.values().stream().mapToInt(Integer::intValue).sum();
  }
}
