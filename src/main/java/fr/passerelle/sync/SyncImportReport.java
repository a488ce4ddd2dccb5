package fr.passerelle.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** What an import did, per table, and what the counselor should look at. */
public final class SyncImportReport {
  private static final int SUMMARY_REFUSED = 20;

  /** How the import ended. */
  public enum Outcome {
    IMPORTED,
    ALREADY_IMPORTED
  }

  /** Counts for one table. */
  public static final class TableCounts {
    public long added;
    public long updated;
    public long deleted;
    public long erased;
    public long skipped;
    public long conflicts;
    public long orphans;
    public long quarantined;

    /**
     * Deletions of rows this office never held, from another organisation: not stored, not relayed
     * (ADR 0085); counted in {@link #skipped} too.
     */
    public long dropped;

    @Override
    public String toString() {
      return "added "
          + added
          + ", updated "
          + updated
          + ", deleted "
          + deleted
          + ", erased "
          + erased
          + ", unchanged "
          + skipped
          + ", conflicts "
          + conflicts
          + ", orphans "
          + orphans
          + (quarantined == 0 ? "" : ", refused " + quarantined)
          + (dropped == 0 ? "" : ", deletions of rows never held here dropped " + dropped);
    }
  }

  private Outcome outcome = Outcome.IMPORTED;
  private final String file;
  private String senderOffice;
  private String senderOrganisation;
  private UUID senderReplica;
  private long from;
  private long to;
  private final Map<String, TableCounts> tables = new TreeMap<>();
  private final List<UUID> conflictIds = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<Quarantine.Entry> quarantined = new ArrayList<>();
  private int reindexed;
  private java.time.Duration reindexTime = java.time.Duration.ZERO;

  SyncImportReport(String file) {
    this.file = file;
  }

  TableCounts table(String name) {
    return tables.computeIfAbsent(name.toLowerCase(), k -> new TableCounts());
  }

  void sender(UUID replica, String office, String organisation, long from, long to) {
    this.senderReplica = replica;
    this.senderOffice = office;
    this.senderOrganisation = organisation;
    this.from = from;
    this.to = to;
  }

  void alreadyImported() {
    outcome = Outcome.ALREADY_IMPORTED;
  }

  void warn(String w) {
    warnings.add(w);
  }

  void searchIndexCaughtUp(int candidates, java.time.Duration took) {
    this.reindexed = candidates;
    this.reindexTime = took;
  }

  /** Records the search index rewrote after the import committed (ADR 0100). */
  public int reindexed() {
    return reindexed;
  }

  /** The time that took, after the import's own transaction. */
  public java.time.Duration reindexTime() {
    return reindexTime;
  }

  void quarantined(Quarantine.Entry e) {
    quarantined.add(e);
  }

  /** Rows of the file refused one by one (ADR 0085); the rest of the file was applied. */
  public List<Quarantine.Entry> quarantined() {
    return quarantined;
  }

  void conflict(UUID id) {
    conflictIds.add(id);
  }

  public Outcome outcome() {
    return outcome;
  }

  public String file() {
    return file;
  }

  public String senderOffice() {
    return senderOffice;
  }

  public String senderOrganisation() {
    return senderOrganisation;
  }

  public UUID senderReplica() {
    return senderReplica;
  }

  public long from() {
    return from;
  }

  public long to() {
    return to;
  }

  /** Per table (lower-case name), only tables the file touched. */
  public Map<String, TableCounts> tables() {
    return tables;
  }

  public List<UUID> conflictIds() {
    return conflictIds;
  }

  public List<String> warnings() {
    return warnings;
  }

  public long total(java.util.function.ToLongFunction<TableCounts> f) {
    return tables.values().stream().mapToLong(f).sum();
  }

  /**
   * What a chunked import has done so far, kept with its progress (ADR 0080). The rows it
   * quarantined are counted; their detail is in {@code sync_quarantine} (the report of an import
   * finished after a crash lists only those of its last part).
   */
  record Saved(Map<String, long[]> counts, List<UUID> conflicts, List<String> warnings) {}

  String save() {
    Map<String, long[]> counts = new TreeMap<>();
    tables.forEach(
        (t, c) ->
            counts.put(
                t,
                new long[] {
                  c.added,
                  c.updated,
                  c.deleted,
                  c.erased,
                  c.skipped,
                  c.conflicts,
                  c.orphans,
                  c.quarantined,
                  c.dropped
                }));
    try {
      return SyncFileReader.JSON.writeValueAsString(new Saved(counts, conflictIds, warnings));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Takes back what an interrupted import had counted ({@link #save}). */
  void restore(String saved) {
    Saved s;
    try {
      s = SyncFileReader.JSON.readValue(saved, Saved.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return; // the counts of the chunks before the crash are missing from the report
    }
    s.counts()
        .forEach(
            (t, v) -> {
              TableCounts c = table(t);
              c.added = v[0];
              c.updated = v[1];
              c.deleted = v[2];
              c.erased = v[3];
              c.skipped = v[4];
              c.conflicts = v[5];
              c.orphans = v[6];
              c.quarantined = v.length > 7 ? v[7] : 0;
              c.dropped = v.length > 8 ? v[8] : 0;
            });
    conflictIds.addAll(s.conflicts());
    warnings.addAll(s.warnings());
  }

  /** A few lines for the log and the command line. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    if (outcome == Outcome.ALREADY_IMPORTED) {
      return "Already imported: "
          + file
          + " (from "
          + senderOffice
          + ", up to change "
          + to
          + "). Nothing changed.";
    }
    sb.append("Imported ")
        .append(file)
        .append(" from ")
        .append(senderOffice)
        .append(" (")
        .append(senderOrganisation)
        .append("), changes ")
        .append(from)
        .append(" to ")
        .append(to)
        .append('\n');
    tables.forEach((t, c) -> sb.append("  ").append(t).append(": ").append(c).append('\n'));
    sb.append("  conflicts to review: ").append(conflictIds.size());
    if (!quarantined.isEmpty()) {
      sb.append("\n  rows refused (quarantined, see the Sync view): ").append(quarantined.size());
      quarantined.stream()
          .limit(SUMMARY_REFUSED)
          .forEach(q -> sb.append("\n    ").append(q.message()));
      if (quarantined.size() > SUMMARY_REFUSED) {
        sb.append("\n    … and ").append(quarantined.size() - SUMMARY_REFUSED).append(" more");
      }
    }
    for (String w : warnings) {
      sb.append("\nWarning: ").append(w);
    }
    return sb.toString();
  }
}
