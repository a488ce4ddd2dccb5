package fr.passerelle.db;

/**
 * Hybrid logical clock values: 48 bits of wall-clock milliseconds, 16 bits of counter. A counter
 * overflow carries into the milliseconds, so values stay strictly increasing.
 */
public final class Hlc {
  public static final int COUNTER_BITS = 16;

  private Hlc() {}

  public static long physicalMillis(long hlc) {
    return hlc >>> COUNTER_BITS;
  }

  public static long counter(long hlc) {
    return hlc & ((1L << COUNTER_BITS) - 1);
  }

  public static long of(long millis, long counter) {
    return (millis << COUNTER_BITS) + counter;
  }

  /** The value for a local event after {@code previous}, at wall-clock time {@code nowMillis}. */
  public static long tick(long previous, long nowMillis) {
    long wall = of(nowMillis, 0);
    return wall > previous ? wall : previous + 1;
  }

  /**
   * The clock after seeing a remote value. The remote value is capped at {@code capMillis} (wall
   * clock + 1 day during an import), so one office with its clock years ahead cannot drag every
   * other office's clock along.
   */
  public static long observe(long previous, long remote, long nowMillis, long capMillis) {
    long capped = Math.min(remote, of(capMillis, 0));
    return Math.max(Math.max(previous, capped), of(nowMillis, 0));
  }
}
