package fr.passerelle.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HlcTest {
  @Test
  void tickFollowsTheWallClockWhenItMovesForward() {
    long h = Hlc.tick(0, 1000);
    assertThat(Hlc.physicalMillis(h)).isEqualTo(1000);
    assertThat(Hlc.counter(h)).isZero();
    assertThat(Hlc.tick(h, 2000)).isEqualTo(Hlc.of(2000, 0));
  }

  @Test
  void tickIncrementsTheCounterWhenTheClockStandsStillOrGoesBack() {
    long h = Hlc.tick(0, 1000);
    long h2 = Hlc.tick(h, 1000);
    long h3 = Hlc.tick(h2, 500);
    assertThat(h2).isEqualTo(Hlc.of(1000, 1));
    assertThat(h3).isEqualTo(Hlc.of(1000, 2));
  }

  @Test
  void counterOverflowCarriesIntoTheMilliseconds() {
    long h = Hlc.of(1000, 0xFFFF);
    long next = Hlc.tick(h, 1000);
    assertThat(next).isGreaterThan(h);
    assertThat(Hlc.physicalMillis(next)).isEqualTo(1001);
    assertThat(Hlc.counter(next)).isZero();
  }

  @Test
  void observeCapsARemoteClockFarAhead() {
    long now = 1_000_000;
    long yearsAhead = Hlc.of(now + 10L * 365 * 86_400_000, 0);
    long cap = now + 86_400_000;
    long h = Hlc.observe(Hlc.of(now, 0), yearsAhead, now, cap);
    assertThat(h).isEqualTo(Hlc.of(cap, 0));
  }

  @Test
  void observeKeepsTheLargerOfLocalAndRemote() {
    assertThat(Hlc.observe(Hlc.of(500, 3), Hlc.of(400, 9), 100, 10_000)).isEqualTo(Hlc.of(500, 3));
    assertThat(Hlc.observe(Hlc.of(500, 3), Hlc.of(600, 1), 100, 10_000)).isEqualTo(Hlc.of(600, 1));
  }
}
