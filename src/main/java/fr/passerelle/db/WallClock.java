package fr.passerelle.db;

import java.time.Clock;

/** The wall clock the HLC reads; a fixed or offset clock in tests. */
@FunctionalInterface
public interface WallClock {
  long millis();

  static WallClock system() {
    return System::currentTimeMillis;
  }

  static WallClock of(Clock clock) {
    return clock::millis;
  }
}
