package fr.passerelle.offers;

import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.WallClock;
import fr.passerelle.office.OfficeService;
import fr.passerelle.security.Access;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The offers feature's services, built once by {@code app/Services}. Reference data (commune
 * centroids, BMO families) is read lazily, the first time a service needs it, so start-up stays
 * free of it.
 */
public final class OffersModule implements fr.passerelle.sourcing.OfferFacts {
  private final OfferService offers;
  private final TensionService tension;
  private final Lazy<CommuneGeo> geo;
  private final Lazy<ReachCache> reach;
  private final Lazy<HardToFillService> hardToFill;
  private final Lazy<OccupationTableService> occupationTable;
  private final Lazy<MatchingService> matching;

  public OffersModule(
      Database db, ReplicatedWriter writer, OfficeService offices, WallClock clock, Access access) {
    Supplier<LocalDate> today = clock::today;
    this.offers = new OfferService(db, writer, offices, today, access);
    this.tension = new TensionService(db, writer, offices, access);
    this.geo = new Lazy<>(() -> new CommuneGeo(db.dsl()));
    this.reach = new Lazy<>(() -> new ReachCache(db.dsl(), geo.get()));
    Lazy<BmoFamilies> bmo = new Lazy<>(() -> new BmoFamilies(db.dsl()));
    this.hardToFill =
        new Lazy<>(() -> new HardToFillService(db, reach.get(), bmo.get(), tension, today, access));
    this.occupationTable =
        new Lazy<>(
            () -> new OccupationTableService(db, hardToFill.get(), reach.get(), tension, access));
    this.matching =
        new Lazy<>(() -> new MatchingService(db, geo.get(), reach.get(), today, access));
  }

  public OfferService offers() {
    return offers;
  }

  public TensionService tension() {
    return tension;
  }

  public HardToFillService hardToFill() {
    return hardToFill.get();
  }

  public OccupationTableService occupationTable() {
    return occupationTable.get();
  }

  public MatchingService matching() {
    return matching.get();
  }

  @Override
  public java.util.Optional<String> offerOccupation(java.util.UUID offerId) {
    return offers.find(offerId).map(Offer::romeCode);
  }

  /** The pool shares per occupation (see {@link ReachCache#shares}); background tasks only. */
  @Override
  public java.util.Map<String, int[]> poolShares(java.util.Collection<String> romes) {
    return reach.get().shares(romes);
  }

  public CommuneGeo geo() {
    return geo.get();
  }

  /** A value built on first use, thread-safe. */
  private static final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private T value;

    Lazy(Supplier<T> factory) {
      this.factory = factory;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = factory.get();
      }
      return value;
    }
  }
}
