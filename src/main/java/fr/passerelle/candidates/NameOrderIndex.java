package fr.passerelle.candidates;

import fr.passerelle.db.Snapshots;
import fr.passerelle.db.UuidOrdinals;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * An immutable in-memory copy of the search keys of {@code candidate_token} (ADR 0041): live
 * candidates numbered in name order ({@code name_norm}, then id, as the SQL page query sorts), and
 * per key the ascending list of those numbers. A typed word becomes a bit set (the union of the
 * lists of the keys it matches), the words are intersected, and a page is the next set bits: no
 * sort, and the count is exact. Duplicate-detection keys ("~m:", "~p:") are not loaded. The filters
 * that are not keys (status, availability, priority criteria, consent to share) are kept per
 * candidate, so every search and filter of the Candidates view is answered here.
 *
 * <p>Size at 600,000 candidates: about 30 bytes per candidate and 4 per key row (about 30 MB).
 */
final class NameOrderIndex {
  /** Keys from here on ("~m:", "~p:") serve duplicate detection only. */
  private static final String FIRST_UNSEARCHED = "~";

  /** Stored criterion names, compared exactly as the SQL filter does. */
  private static final Map<String, PriorityCriterion> CRITERIA =
      Arrays.stream(PriorityCriterion.values())
          .collect(java.util.stream.Collectors.toMap(Enum::name, k -> k));

  /** {@link #availableFrom} of a candidate without a date. */
  private static final int NO_DATE = Integer.MIN_VALUE;

  private final String key;
  private final long[] high;
  private final long[] low;
  private final int[] availableFrom;
  private final byte[] status;
  private final int[] criteria;
  private final BitSet consentShare;
  private String[] statusNames;
  private String[] tokens;
  private int[][] postings;

  private NameOrderIndex(String key, int size) {
    this.key = key;
    this.high = new long[size];
    this.low = new long[size];
    this.availableFrom = new int[size];
    this.status = new byte[size];
    this.criteria = new int[size];
    this.consentShare = new BitSet(size);
  }

  /** Reads the live candidates and their search keys; {@code key} names the data version read. */
  static NameOrderIndex build(DSLContext dsl, String key) {
    return dsl.connectionResult(c -> build(c, key));
  }

  private static NameOrderIndex build(Connection c, String key) throws SQLException {
    long[][] ids = {new long[1 << 16], new long[1 << 16]};
    int[][] availableDays = {new int[1 << 16]};
    byte[][] statusCodes = {new byte[1 << 16]};
    List<String> names = new ArrayList<>();
    List<String> statusNames = new ArrayList<>();
    Snapshots.scan(
        c,
        "SELECT ID, NAME_NORM, STATUS, AVAILABLE_FROM FROM CANDIDATE WHERE DELETED = FALSE",
        rs -> {
          int i = names.size();
          if (i == ids[0].length) {
            ids[0] = Arrays.copyOf(ids[0], i * 2);
            ids[1] = Arrays.copyOf(ids[1], i * 2);
            availableDays[0] = Arrays.copyOf(availableDays[0], i * 2);
            statusCodes[0] = Arrays.copyOf(statusCodes[0], i * 2);
          }
          UUID id = rs.getObject(1, UUID.class);
          ids[0][i] = id.getMostSignificantBits();
          ids[1][i] = id.getLeastSignificantBits();
          names.add(rs.getString(2));
          String st = rs.getString(3);
          int code = statusNames.indexOf(st);
          if (code < 0) {
            statusNames.add(st);
            code = statusNames.size() - 1;
          }
          LocalDate from = rs.getObject(4, LocalDate.class);
          availableDays[0][i] = from == null ? NO_DATE : (int) from.toEpochDay();
          statusCodes[0][i] = (byte) code;
        });
    int size = names.size();
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    // SQL order of ORDER BY name_norm, id: nulls first, ids as unsigned 128-bit numbers
    Arrays.sort(
        order,
        (a, b) -> {
          String na = names.get(a);
          String nb = names.get(b);
          if (na == null || nb == null) {
            if (na != nb) {
              return na == null ? -1 : 1;
            }
          } else if (!na.equals(nb)) {
            return na.compareTo(nb);
          }
          return UuidOrdinals.compare(ids[0][a], ids[1][a], ids[0][b], ids[1][b]);
        });
    names.clear();
    NameOrderIndex idx = new NameOrderIndex(key, size);
    for (int n = 0; n < size; n++) {
      int i = order[n];
      idx.high[n] = ids[0][i];
      idx.low[n] = ids[1][i];
      idx.availableFrom[n] = availableDays[0][i];
      idx.status[n] = statusCodes[0][i];
    }
    idx.statusNames = statusNames.toArray(String[]::new);
    UuidOrdinals ordinal = UuidOrdinals.of(idx.high, idx.low, size);
    readTokens(c, idx, ordinal);
    Snapshots.scan(
        c,
        "SELECT CANDIDATE_ID, CRITERION FROM CANDIDATE_CRITERION WHERE DELETED = FALSE",
        rs -> {
          int n = ordinal.positionOf(rs.getObject(1, UUID.class));
          PriorityCriterion kind = CRITERIA.get(rs.getString(2));
          if (n >= 0 && kind != null) {
            idx.criteria[n] |= 1 << kind.ordinal();
          }
        });
    Snapshots.scan(
        c,
        "SELECT ID FROM CANDIDATE_CONSENT WHERE DELETED = FALSE AND SHARE = TRUE",
        rs -> {
          int n = ordinal.positionOf(rs.getObject(1, UUID.class));
          if (n >= 0) {
            idx.consentShare.set(n);
          }
        });
    return idx;
  }

  private static void readTokens(Connection c, NameOrderIndex idx, UuidOrdinals ordinal)
      throws SQLException {
    List<String> tokens = new ArrayList<>();
    List<int[]> postings = new ArrayList<>();
    IntList current = new IntList();
    String[] last = {null};
    Snapshots.scan(
        c,
        "SELECT TOKEN, CANDIDATE_ID FROM CANDIDATE_TOKEN WHERE TOKEN < '"
            + FIRST_UNSEARCHED
            + "' ORDER BY TOKEN",
        rs -> {
          int n = ordinal.positionOf(rs.getObject(2, UUID.class));
          if (n < 0) {
            return;
          }
          String t = rs.getString(1);
          if (!t.equals(last[0])) {
            if (last[0] != null) {
              tokens.add(last[0]);
              postings.add(current.sortedCopy());
            }
            last[0] = t;
            current.clear();
          }
          current.add(n);
        });
    if (last[0] != null) {
      tokens.add(last[0]);
      postings.add(current.sortedCopy());
    }
    idx.tokens = tokens.toArray(String[]::new);
    idx.postings = postings.toArray(int[][]::new);
  }

  /** The data version this snapshot was read at. */
  String key() {
    return key;
  }

  /** Number of live candidates. */
  int size() {
    return high.length;
  }

  /** Every live candidate. */
  BitSet all() {
    BitSet b = new BitSet(size());
    b.set(0, size());
    return b;
  }

  /**
   * Candidates with a key in {@code [word, word + "{")} (a name word starting with {@code word})
   * or equal to one of {@code exactKeys} (commune and occupation keys).
   */
  BitSet matching(String word, Collection<String> exactKeys) {
    BitSet b = withAnyKey(exactKeys);
    String end = word + "{";
    for (int t = lowerBound(word); t < tokens.length && tokens[t].compareTo(end) < 0; t++) {
      add(b, postings[t]);
    }
    return b;
  }

  /** Candidates with a key equal to one of {@code exactKeys}. */
  BitSet withAnyKey(Collection<String> exactKeys) {
    BitSet b = new BitSet(size());
    for (String k : exactKeys) {
      int t = lowerBound(k);
      if (t < tokens.length && tokens[t].equals(k)) {
        add(b, postings[t]);
      }
    }
    return b;
  }

  /** Keeps the candidates available on or before {@code date} (or without a date). */
  void keepAvailableBy(BitSet b, LocalDate date) {
    int day = (int) date.toEpochDay();
    for (int n = b.nextSetBit(0); n >= 0; n = b.nextSetBit(n + 1)) {
      if (availableFrom[n] != NO_DATE && availableFrom[n] > day) {
        b.clear(n);
      }
    }
  }

  /** Keeps the candidates in this status. */
  void keepStatus(BitSet b, String name) {
    int code = Arrays.asList(statusNames).indexOf(name);
    for (int n = b.nextSetBit(0); n >= 0; n = b.nextSetBit(n + 1)) {
      if (status[n] != code) {
        b.clear(n);
      }
    }
  }

  /** Keeps the candidates with at least one of these live criteria. */
  void keepAnyCriterion(BitSet b, Collection<PriorityCriterion> kinds) {
    int mask = 0;
    for (PriorityCriterion k : kinds) {
      mask |= 1 << k.ordinal();
    }
    for (int n = b.nextSetBit(0); n >= 0; n = b.nextSetBit(n + 1)) {
      if ((criteria[n] & mask) == 0) {
        b.clear(n);
      }
    }
  }

  /** Keeps the candidates who consented to sharing ({@code share}) or who did not. */
  void keepConsentShare(BitSet b, boolean share) {
    if (share) {
      b.and(consentShare);
    } else {
      b.andNot(consentShare);
    }
  }

  /** The id of the candidate numbered {@code n}. */
  UUID id(int n) {
    return new UUID(high[n], low[n]);
  }

  private static void add(BitSet b, int[] list) {
    for (int n : list) {
      b.set(n);
    }
  }

  private int lowerBound(String s) {
    int lo = 0;
    int hi = tokens.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (tokens[mid].compareTo(s) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A growable int array. */
  private static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    void clear() {
      n = 0;
    }

    int[] sortedCopy() {
      int[] out = Arrays.copyOf(a, n);
      Arrays.sort(out);
      return out;
    }
  }
}
