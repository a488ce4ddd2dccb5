package fr.passerelle.office;

import fr.passerelle.db.WallClock;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The installation's clock as the services use it: the instants of the underlying clock, read in
 * the office's time zone ({@link OfficeService#contact()}), looked up once and kept until the
 * office changes it.
 */
public final class OfficeClock implements WallClock {
  private final WallClock clock;
  private final Supplier<ZoneId> lookup;
  private volatile ZoneId zone;

  public OfficeClock(WallClock clock, Supplier<ZoneId> lookup) {
    this.clock = clock;
    this.lookup = lookup;
  }

  @Override
  public long millis() {
    return clock.millis();
  }

  @Override
  public ZoneId zone() {
    ZoneId z = zone;
    if (z == null) {
      z = lookup.get();
      zone = z;
    }
    return z;
  }

  /** Forgets the zone, read again at the next use (after the office changed it). */
  public void refresh() {
    zone = null;
  }
}
