package fr.passerelle.app;

import fr.passerelle.candidates.CandidateService;
import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.Settings;
import fr.passerelle.db.WallClock;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.occupations.OccupationService;
import fr.passerelle.offers.OffersModule;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.office.OfficeService;
import fr.passerelle.search.LuceneSearchIndex;
import fr.passerelle.search.SearchService;
import fr.passerelle.sourcing.SourcingService;
import fr.passerelle.sync.SyncService;
import fr.passerelle.training.FundingRuleService;
import fr.passerelle.training.TrainingService;
import java.nio.file.Path;

/**
 * The wiring: opens the database of one data folder and builds each service once, to be handed down
 * to the UI and the command line. No static singletons.
 */
public final class Services implements AutoCloseable {
  private final Database db;
  private final WallClock clock;
  private final ReplicatedWriter writer;
  private final OfficeService offices;
  private final OccupationService occupations;
  private final SearchService search;
  private final Settings settings;
  private final CandidateService candidates;
  private final OffersModule offersModule;
  private final SourcingService sourcing;
  private final TrainingService training;
  private final fr.passerelle.training.TrainingQueries trainingQueries;
  private final fr.passerelle.dashboard.StatsService stats;
  private final MeetingService meetings;
  private final SyncService sync;

  private Services(Database db, WallClock base) {
    this.db = db;
    this.writer = new ReplicatedWriter(base, new fr.passerelle.sync.ConsentGuard());
    this.offices = new OfficeService(db, writer);
    // every service reads dates in the office's time zone, never the machine's
    WallClock clock = offices.clock(base);
    this.clock = clock;
    // the search index is a cache of the database in the data folder (ADR 0100)
    this.search =
        new SearchService(
            new LuceneSearchIndex(db::dsl, db.dataDir()),
            db::dsl,
            () -> offices.current().map(o -> o.kind() == OfficeKind.PARTNER).orElse(false));
    this.occupations = new OccupationService(db.dsl(), search);
    this.settings = new Settings(db.dsl());
    this.candidates = new CandidateService(db, writer, clock, search);
    this.offersModule = new OffersModule(db, writer, offices, clock);
    this.sourcing = new SourcingService(db, writer, offices, offersModule, clock);
    this.training = new TrainingService(db, writer, clock, new FundingRuleService(db, clock));
    this.trainingQueries = new fr.passerelle.training.TrainingQueries(db);
    this.stats = new fr.passerelle.dashboard.StatsService(db.dsl(), clock);
    this.meetings = new MeetingService(db, writer, clock, search);
    this.sync = new SyncService(db, writer, offices, clock, search);
  }

  public static Services open(Path dataDir) {
    return open(dataDir, WallClock.system());
  }

  public static Services open(Path dataDir, WallClock clock) {
    return new Services(Database.open(dataDir), clock);
  }

  public Database db() {
    return db;
  }

  /** The clock of the services: the office's time zone ({@link WallClock#zone()}). */
  public WallClock clock() {
    return clock;
  }

  public ReplicatedWriter writer() {
    return writer;
  }

  public OfficeService offices() {
    return offices;
  }

  public OccupationService occupations() {
    return occupations;
  }

  /** This installation's local settings (language...). */
  public Settings settings() {
    return settings;
  }

  /** Search across candidates, offers, meetings, employers and occupations (ADR 0100). */
  public SearchService search() {
    return search;
  }

  public CandidateService candidates() {
    return candidates;
  }

  /** Offers, hard-to-fill signal, occupations table, matching. */
  public OffersModule offersModule() {
    return offersModule;
  }

  public SourcingService sourcing() {
    return sourcing;
  }

  public TrainingService training() {
    return training;
  }

  public fr.passerelle.training.TrainingQueries trainingQueries() {
    return trainingQueries;
  }

  public fr.passerelle.dashboard.StatsService stats() {
    return stats;
  }

  public MeetingService meetings() {
    return meetings;
  }

  public SyncService sync() {
    return sync;
  }

  @Override
  public void close() {
    search.close();
    db.close();
  }
}
