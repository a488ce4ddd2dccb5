package fr.passerelle.db;

import java.util.Arrays;
import java.util.UUID;

/**
 * Maps ids to their position in a snapshot array without a {@code HashMap<UUID, Integer>} (about
 * 100 bytes per entry): the ids sorted as unsigned 128-bit numbers and a binary search, 20 bytes
 * per entry. Used while building the in-memory search and matching snapshots (ADR 0041).
 */
public final class UuidOrdinals {
  private final long[] high;
  private final long[] low;
  private final int[] position;

  private UuidOrdinals(long[] high, long[] low, int[] position) {
    this.high = high;
    this.low = low;
    this.position = position;
  }

  /** The id at position i is {@code new UUID(high[i], low[i])}; {@code n} positions are used. */
  public static UuidOrdinals of(long[] high, long[] low, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> compare(high[a], low[a], high[b], low[b]));
    long[] h = new long[n];
    long[] l = new long[n];
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      h[i] = high[order[i]];
      l[i] = low[order[i]];
      p[i] = order[i];
    }
    return new UuidOrdinals(h, l, p);
  }

  /** The position of this id, or -1. */
  public int positionOf(UUID id) {
    if (id == null) {
      return -1;
    }
    long hi = id.getMostSignificantBits();
    long lo = id.getLeastSignificantBits();
    int a = 0;
    int b = high.length - 1;
    while (a <= b) {
      int mid = (a + b) >>> 1;
      int c = compare(high[mid], low[mid], hi, lo);
      if (c < 0) {
        a = mid + 1;
      } else if (c > 0) {
        b = mid - 1;
      } else {
        return position[mid];
      }
    }
    return -1;
  }

  /** Unsigned 128-bit order, as H2 sorts UUID values. */
  public static int compare(long highA, long lowA, long highB, long lowB) {
    int c = Long.compareUnsigned(highA, highB);
    return c != 0 ? c : Long.compareUnsigned(lowA, lowB);
  }
}
