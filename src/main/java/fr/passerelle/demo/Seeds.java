package fr.passerelle.demo;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic randomness for the demo data. Every generated entity (candidate number i, offer
 * number j...) gets its own random stream and its own ids derived from (seed, kind, number), so any
 * entity can be regenerated on demand (a sourcing list re-derives the candidates it points to) and
 * the data does not depend on batch sizes or on the order of generation.
 */
final class Seeds {
  static final int OFFICE = 1;
  static final int COUNSELOR = 2;
  static final int CANDIDATE = 3;
  static final int EMPLOYER = 4;
  static final int OFFER = 5;
  static final int MEETING = 6;
  static final int LIST = 7;
  static final int PATH = 8;
  static final int RESERVOIR = 9;

  private final long seed;

  Seeds(long seed) {
    this.seed = seed;
  }

  /** The random stream of entity {@code number} of {@code kind}. */
  SplittableRandom rng(int kind, long number) {
    return new SplittableRandom(hash(kind, number, -1));
  }

  /** The id of entity {@code number} of {@code kind}. */
  UUID id(int kind, long number) {
    return id(kind, number, 0);
  }

  /**
   * The id of child {@code child} (1, 2...; 0 is the entity itself) of entity {@code number} of
   * {@code kind}: an RFC 9562 version-8 (custom) UUID laid out so that ids of one kind increase
   * with (number, child) — a bulk load then appends to the primary-key and parent-id indexes
   * instead of inserting at random places (see docs/decisions/0020-demo-ids.md). High 64 bits: 24
   * bits derived from (seed, kind), 24 bits of number, version 8, 12 bits of child; low 64 bits:
   * variant and 62 bits derived from (seed, kind, number, child).
   */
  UUID id(int kind, long number, int child) {
    if (number < 0 || number >= 1L << 24 || child < 0 || child >= 1 << 12) {
      throw new IllegalArgumentException("id out of range: " + number + "/" + child);
    }
    long prefix = hash(kind, -1, -1) >>> 40; // 24 bits
    long msb = (prefix << 40) | (number << 16) | 0x8000L | child;
    long lsb = hash(kind, number, child);
    lsb = (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
    return new UUID(msb, lsb);
  }

  private long hash(int kind, long number, long salt) {
    long h = mix(seed ^ 0x9E37_79B9_7F4A_7C15L * (kind + 1));
    h = mix(h + number);
    return mix(h ^ (salt * 0xD1B5_4A32_D192_ED03L));
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
