package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
  private long now = 1_796_000_000_000L; // December 2026

  @Test
  void idsCarryTheirMillisecondAndSortAfterTheEarlierOnes() {
    TimeOrderedIds ids = new TimeOrderedIds(() -> now);
    UUID first = ids.next();
    now += 1;
    UUID second = ids.next();
    assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(1_796_000_000_000L);
    assertThat(second.getMostSignificantBits() >>> 16).isEqualTo(1_796_000_000_001L);
    assertThat(first.compareTo(second)).isNegative();
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
  }

  @Test
  void aStoppedClockStillGivesDistinctIds() {
    TimeOrderedIds ids = new TimeOrderedIds(() -> now);
    Set<UUID> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      assertThat(seen.add(ids.next())).isTrue();
    }
  }
}
