package fr.passerelle.testsupport;

import fr.passerelle.app.Services;
import fr.passerelle.db.WallClock;
import fr.passerelle.office.OfficeKind;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** A real H2 file database in a temp folder, migrated, with a settable clock. */
public final class TestServices {
  private TestServices() {}

  /** A controllable wall clock starting at 2026-01-05 09:00 UTC. */
  public static final class ManualClock implements WallClock {
    private final AtomicLong now = new AtomicLong(1_767_603_600_000L);

    @Override
    public long millis() {
      return now.get();
    }

    public void advanceMillis(long ms) {
      now.addAndGet(ms);
    }

    public void set(long ms) {
      now.set(ms);
    }
  }

  public static Services open(Path dir) {
    return Services.open(dir);
  }

  public static Services open(Path dir, WallClock clock) {
    return Services.open(dir, clock);
  }

  /** Services with an office already set up. */
  public static Services withOffice(Path dir, String name, OfficeKind kind) {
    Services s = Services.open(dir);
    s.offices().init(name, kind, null);
    return s;
  }
}
