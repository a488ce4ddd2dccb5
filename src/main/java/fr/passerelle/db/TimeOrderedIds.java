package fr.passerelle.db;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New rows' identifiers as RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds from the
 * installation's clock, then 74 random bits. Rows created one after another get ascending ids, so
 * the indexes that begin with the id (the primary key and the covering indexes of ADR 0076) grow at
 * their end instead of at random places: a commit rewrites a few pages of each, not all of them
 * (ADR 0196). Unique like version 4 ids (74 random bits a millisecond), no more guessable in
 * practice, and they tell when the row was created, which the row's own columns already say.
 */
public final class TimeOrderedIds {
  private final WallClock clock;
  private final SecureRandom random = new SecureRandom();

  public TimeOrderedIds(WallClock clock) {
    this.clock = clock;
  }

  /** A new id: time-ordered to the millisecond, random within it. */
  public UUID next() {
    long millis = clock.millis();
    long randA = random.nextInt(1 << 12);
    long msb = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | randA;
    long lsb = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }
}
