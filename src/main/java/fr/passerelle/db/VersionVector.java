package fr.passerelle.db;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A row's version vector: for each replica, the highest of its writes this version incorporates.
 * Stored as {@code replica:seq,replica:seq} sorted by replica id (canonical, so equal vectors have
 * equal strings).
 */
public final class VersionVector {
  /** How two vectors relate. */
  public enum Order {
    EQUAL,
    BEFORE,
    AFTER,
    CONCURRENT
  }

  private static final VersionVector EMPTY = new VersionVector(new TreeMap<>());
  private final TreeMap<UUID, Long> entries;

  private VersionVector(TreeMap<UUID, Long> entries) {
    this.entries = entries;
  }

  public static VersionVector empty() {
    return EMPTY;
  }

  public static VersionVector parse(String text) {
    TreeMap<UUID, Long> map = new TreeMap<>();
    if (text != null && !text.isBlank()) {
      for (String part : text.split(",")) {
        int colon = part.lastIndexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException("malformed version vector: " + text);
        }
        map.put(
            UUID.fromString(part.substring(0, colon).trim()),
            Long.parseLong(part.substring(colon + 1).trim()));
      }
    }
    return new VersionVector(map);
  }

  public long get(UUID replica) {
    return entries.getOrDefault(replica, 0L);
  }

  public Map<UUID, Long> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** This vector with {@code replica} advanced to {@code seq}. */
  public VersionVector with(UUID replica, long seq) {
    TreeMap<UUID, Long> copy = new TreeMap<>(entries);
    copy.merge(replica, seq, Math::max);
    return new VersionVector(copy);
  }

  /** Pointwise maximum. */
  public VersionVector merge(VersionVector other) {
    TreeMap<UUID, Long> copy = new TreeMap<>(entries);
    other.entries.forEach((k, v) -> copy.merge(k, v, Math::max));
    return new VersionVector(copy);
  }

  public Order compare(VersionVector other) {
    boolean less = false;
    boolean greater = false;
    TreeMap<UUID, Long> keys = new TreeMap<>(entries);
    keys.putAll(other.entries);
    for (UUID k : keys.keySet()) {
      long a = get(k);
      long b = other.get(k);
      if (a < b) {
        less = true;
      } else if (a > b) {
        greater = true;
      }
    }
    if (less && greater) {
      return Order.CONCURRENT;
    }
    if (less) {
      return Order.BEFORE;
    }
    return greater ? Order.AFTER : Order.EQUAL;
  }

  /** True if this vector includes every write of {@code other}. */
  public boolean dominatesOrEquals(VersionVector other) {
    Order o = compare(other);
    return o == Order.AFTER || o == Order.EQUAL;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    entries.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append(',');
          }
          sb.append(k).append(':').append(v);
        });
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionVector v && v.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(entries);
  }
}
