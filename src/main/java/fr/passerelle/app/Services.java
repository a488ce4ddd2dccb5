package fr.passerelle.app;

import fr.passerelle.accounts.AccountService;
import fr.passerelle.audit.AuditService;
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
import fr.passerelle.security.Access;
import fr.passerelle.security.Authenticator;
import fr.passerelle.security.DatabaseCredentialStore;
import fr.passerelle.security.PasswordHasher;
import fr.passerelle.security.SignInService;
import fr.passerelle.security.keys.KeyRing;
import fr.passerelle.sourcing.SourcingService;
import fr.passerelle.sync.SyncService;
import fr.passerelle.training.FundingRuleService;
import fr.passerelle.training.TrainingService;
import java.nio.file.Path;

/**
 * The wiring: opens the database of one data folder and builds each service once, to be handed down
 * to the UI and the command line. No static singletons. Nobody is signed in until {@link #signIn()}
 * says so: every service method that reads or writes personal data checks the signed-in account's
 * permissions ({@link #access()}).
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
  private final Access access;
  private final SignInService signIn;
  private final AccountService accounts;
  private final AuditService audit;
  private final Backups backups;
  private final KeyRing keys;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private Services(Database db, WallClock base, PasswordHasher.Params hashing, KeyRing keys) {
    this.db = db;
    this.keys = keys;
    this.writer = new ReplicatedWriter(base, new fr.passerelle.sync.ConsentGuard());
    // the audit trail records instants: the machine's clock serves it before the office is read
    this.access = new Access(db, base, System.getenv());
    this.offices = new OfficeService(db, writer, access);
    // every service reads dates in the office's time zone, never the machine's
    WallClock clock = offices.clock(base);
    this.clock = clock;
    Authenticator auth =
        new Authenticator(new DatabaseCredentialStore(db), new PasswordHasher(hashing), clock);
    this.signIn = new SignInService(db, access, auth, clock, keys);
    this.accounts = new AccountService(db, writer, access, signIn, auth, offices, clock, keys);
    this.audit = new AuditService(db, access, clock);
    // the search index is a cache of the database in the data folder (ADR 0100)
    this.search =
        new SearchService(
            // an encrypted installation keeps no clear copy of its data: the index lives in memory
            keys.encrypted()
                ? LuceneSearchIndex.inMemory(db::dsl)
                : new LuceneSearchIndex(db::dsl, db.dataDir()),
            db::dsl,
            () -> offices.current().map(o -> o.kind() == OfficeKind.PARTNER).orElse(false),
            access);
    this.occupations = new OccupationService(db.dsl(), search);
    this.settings = new Settings(db.dsl());
    this.candidates = new CandidateService(db, writer, clock, search, access);
    this.offersModule = new OffersModule(db, writer, offices, clock, access);
    this.sourcing = new SourcingService(db, writer, offices, offersModule, clock, access);
    this.training =
        new TrainingService(db, writer, clock, new FundingRuleService(db, clock, access), access);
    this.trainingQueries = new fr.passerelle.training.TrainingQueries(db, access);
    this.stats = new fr.passerelle.dashboard.StatsService(db.dsl(), clock, access);
    this.meetings = new MeetingService(db, writer, clock, search, access);
    this.sync = new SyncService(db, writer, offices, clock, search, access);
    this.backups = new Backups(db, access);
  }

  public static Services open(Path dataDir) {
    return open(dataDir, WallClock.system());
  }

  public static Services open(Path dataDir, WallClock clock) {
    return open(dataDir, clock, PasswordHasher.Params.DEFAULT);
  }

  /**
   * Opens with Argon2id parameters of the caller's choice (tests use cheap ones; each hash records
   * its parameters, and a weaker hash is replaced at the next sign-in with the default ones).
   */
  public static Services open(Path dataDir, WallClock clock, PasswordHasher.Params hashing) {
    return new Services(Database.open(dataDir), clock, hashing, KeyRing.clear());
  }

  /**
   * Opens the encrypted database of {@code dataDir} with the file key {@code keys} holds (unlocked
   * from a key slot: {@link Vault}); the services keep the slots in step with the accounts.
   */
  public static Services open(
      Path dataDir, WallClock clock, PasswordHasher.Params hashing, KeyRing keys) {
    char[] filePassword = keys.h2FilePassword();
    try {
      return new Services(Database.open(dataDir, filePassword), clock, hashing, keys);
    } finally {
      if (filePassword != null) {
        java.util.Arrays.fill(filePassword, '\0');
      }
    }
  }

  /** The key slots of the encrypted database (a clear one's: {@link KeyRing#encrypted()} false). */
  public KeyRing keys() {
    return keys;
  }

  /** Who is signed in, and the permission check the services start with. */
  public Access access() {
    return access;
  }

  /** Sign in and out, unlock, change one's own password. */
  public SignInService signIn() {
    return signIn;
  }

  /** Accounts and roles (administrators), the first administrator, the idle lock. */
  public AccountService accounts() {
    return accounts;
  }

  /** The audit trail: list, filters, verify, CSV export (administrators). */
  public AuditService audit() {
    return audit;
  }

  /** Backup of the database (administrators), audited. */
  public Backups backups() {
    return backups;
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
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    search.close();
    db.close();
  }
}
