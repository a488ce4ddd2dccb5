package fr.passerelle.app;

import fr.passerelle.candidates.CandidateIndex;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.core.Progress;
import fr.passerelle.db.Database;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.db.IntegrityCheck;
import fr.passerelle.db.Journal;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.Settings;
import fr.passerelle.db.WallClock;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.occupations.OccupationService;
import fr.passerelle.offers.OffersModule;
import fr.passerelle.office.OfficeService;
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
  private static final System.Logger LOG = System.getLogger(Services.class.getName());

  /** The journal's note of a search-key catch-up under way (ADR 0080). */
  public static final String SEARCH_KEYS_NOTE = "search-keys";

  private final Database db;
  private final WallClock clock;
  private final ReplicatedWriter writer;
  private final OfficeService offices;
  private final OccupationService occupations;
  private final Settings settings;
  private final CandidateService candidates;
  private final OffersModule offersModule;
  private final SourcingService sourcing;
  private final TrainingService training;
  private final fr.passerelle.training.TrainingQueries trainingQueries;
  private final fr.passerelle.dashboard.StatsService stats;
  private final MeetingService meetings;
  private final SyncService sync;
  private final java.util.concurrent.CountDownLatch searchKeysDone =
      new java.util.concurrent.CountDownLatch(1);
  private volatile boolean closing;
  private Thread searchKeys;
  private boolean repairedAtOpen;

  private Services(Database db, WallClock clock) {
    this.db = db;
    this.clock = clock;
    this.writer = new ReplicatedWriter(clock, new fr.passerelle.sync.ConsentGuard());
    this.offices = new OfficeService(db, writer);
    this.occupations = new OccupationService(db.dsl());
    this.settings = new Settings(db.dsl());
    this.candidates = new CandidateService(db, writer, clock);
    this.offersModule = new OffersModule(db, writer, offices, clock);
    this.sourcing = new SourcingService(db, writer, offices, offersModule, clock);
    this.training = new TrainingService(db, writer, clock, new FundingRuleService(db, clock));
    this.trainingQueries = new fr.passerelle.training.TrainingQueries(db);
    this.stats = new fr.passerelle.dashboard.StatsService(db.dsl(), clock);
    this.meetings = new MeetingService(db, writer, clock);
    this.sync = new SyncService(db, writer, offices, clock);
  }

  public static Services open(Path dataDir) {
    return open(dataDir, WallClock.system(), Progress.NONE);
  }

  public static Services open(Path dataDir, WallClock clock) {
    return open(dataDir, clock, Progress.NONE);
  }

  /**
   * Opens the data folder and finishes what a crash left (ADR 0080), reporting to {@code progress}:
   * after an unclean shutdown, the integrity check of the tables the interrupted work wrote (a
   * damage is refused with the way back: {@link DatabaseDamagedException}); an interrupted sync
   * import is finished; the search keys left to write are written. A failure of that recovery work
   * is logged, never thrown: the installation opens as it is and tries again next time.
   */
  public static Services open(Path dataDir, WallClock clock, Progress progress) {
    try {
      return openChecked(dataDir, clock, progress);
    } catch (DatabaseDamagedException e) {
      boolean importInterrupted =
          new fr.passerelle.db.Journal(dataDir)
              .leftovers().stream().anyMatch(n -> n.detail("peer") != null);
      if (!importInterrupted) {
        throw e; // the way back is the user's choice (check --rebuild, --restore-backup)
      }
      // the damage of a crash in the middle of a sync import: rebuilt, and the import applied
      // again from its kept copy, before anything is served (ADR 0080)
      LOG.log(
          System.Logger.Level.WARNING,
          "the database was damaged during a sync import; rebuilding it: " + e.getMessage());
      WayBack.rebuild(dataDir, progress);
      Services s = openChecked(dataDir, clock, progress);
      s.repairedAtOpen = true;
      return s;
    }
  }

  /**
   * True if this open found the database damaged by a crash during a sync import and rebuilt it
   * (the window says so).
   */
  public boolean repairedAtOpen() {
    return repairedAtOpen;
  }

  private static Services openChecked(Path dataDir, WallClock clock, Progress progress) {
    Database db = Database.open(dataDir);
    Services s;
    try {
      if (db.uncleanShutdown()) {
        progress.update(0, -1, "check");
        IntegrityCheck.Result r = IntegrityCheck.afterCrash(db, progress);
        LOG.log(
            System.Logger.Level.INFO,
            "integrity check after an unclean shutdown: {0} table(s), {1} row(s), {2} problem(s)",
            r.tables().size(),
            r.rows(),
            r.problems().size());
        if (!r.ok() && CandidateIndex.TABLES.containsAll(r.damagedTables())) {
          // only the search keys, which are derived from the candidates: written afresh
          LOG.log(
              System.Logger.Level.WARNING,
              "a crash damaged the search keys; they are written again: " + r.problems());
          CandidateIndex.resetAfterCrash(db.dsl());
          r = IntegrityCheck.run(db.dataSource(), CandidateIndex.TABLES, progress);
        }
        if (!r.ok()) {
          throw DatabaseDamagedException.of(dataDir, r);
        }
        db.verified();
      }
      s = new Services(db, clock);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    s.recover(progress);
    return s;
  }

  /**
   * Finishes an interrupted sync import (before serving: the data is then as before or after it),
   * then starts writing the search keys left to write in the background: a read is never held
   * behind that work (ADR 0080), a search waits for it ({@link #awaitSearchKeys}).
   */
  private void recover(Progress progress) {
    try {
      sync.importer().finishInterrupted(progress);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "finishing an interrupted sync import failed", e);
    }
    if (db.dsl().fetchCount(fr.passerelle.db.jooq.Tables.CANDIDATE_REINDEX) == 0) {
      searchKeysDone.countDown();
      return;
    }
    Progress keys =
        new Progress() {
          @Override
          public void update(long done, long total, String message) {
            progress.update(done, total, message);
          }

          @Override
          public boolean isCancelled() {
            return closing;
          }
        };
    searchKeys =
        new Thread(
            () -> {
              Journal.Entry note =
                  new Journal(db.dataDir())
                      .begin(SEARCH_KEYS_NOTE, CandidateIndex.TABLES, java.util.Map.of());
              try {
                // search keys an interrupted sync import left to write (ADR 0078)
                CandidateIndex.catchUp(db.dsl(), keys, db.bulkWrites());
              } catch (fr.passerelle.core.CancelledException e) {
                // closing: the rest is written at the next start
              } catch (RuntimeException e) {
                if (!closing) {
                  LOG.log(System.Logger.Level.WARNING, "writing the search keys left failed", e);
                }
              } finally {
                new Journal(db.dataDir()).end(note);
                searchKeysDone.countDown();
              }
            },
            "passerelle-search-keys");
    searchKeys.setDaemon(true);
    searchKeys.start();
  }

  /**
   * The daily automatic backup, if the newest is more than a day old (ADR 0080); the window takes
   * it in the background once open. True if one was taken.
   */
  public boolean takeDailyBackupIfDue() {
    return new fr.passerelle.db.AutoBackups(db, clock).takeDailyIfDue();
  }

  /**
   * Waits until the search keys that were left to write when the data folder opened are written (at
   * once, usually). The search itself does not need this: until then, a candidate whose keys are
   * not yet written is not found.
   */
  public void awaitSearchKeys() {
    try {
      searchKeysDone.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Database db() {
    return db;
  }

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

  /** Stops the background work (at the end of its current short transaction), then closes. */
  @Override
  public void close() {
    closing = true;
    if (searchKeys != null) {
      try {
        searchKeys.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    db.close();
  }
}
