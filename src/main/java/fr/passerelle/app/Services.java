package fr.passerelle.app;

import fr.passerelle.accounts.AccountService;
import fr.passerelle.audit.AuditService;
import fr.passerelle.candidates.CandidateSearch;
import fr.passerelle.candidates.CandidateService;
import fr.passerelle.core.Progress;
import fr.passerelle.db.Database;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.db.IntegrityCheck;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.Settings;
import fr.passerelle.db.WallClock;
import fr.passerelle.meetings.MeetingService;
import fr.passerelle.meetings.ParticipantService;
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
  private static final System.Logger LOG = System.getLogger(Services.class.getName());

  private final Database db;
  private final WallClock clock;
  private final ReplicatedWriter writer;
  private final OfficeService offices;
  private final OccupationService occupations;
  private final SearchService search;
  private final fr.passerelle.db.ChangeNotices changes;
  private final Settings settings;
  private final CandidateSearch candidateSearch;
  private final CandidateService candidates;
  private final OffersModule offersModule;
  private final SourcingService sourcing;
  private final TrainingService training;
  private final fr.passerelle.training.TrainingReads trainingReads;
  private final fr.passerelle.dashboard.StatsService stats;
  private final MeetingService meetings;
  private final ParticipantService participants;
  private final SyncService sync;
  private final Access access;
  private final SignInService signIn;
  private final AccountService accounts;
  private final AuditService audit;
  private final Backups backups;
  private final KeyRing keys;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();
  private boolean repairedAtOpen;
  private final fr.passerelle.retention.RetentionService retention;
  private final fr.passerelle.rights.PersonRightsService personRights;

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
            // an encrypted installation keeps no clear copy of its data: its index files are
            // encrypted under a key derived from the file key (ADR 0171)
            keys.encrypted()
                ? encryptedIndex(db, keys)
                : new LuceneSearchIndex(db::dsl, db.dataDir()),
            db::dsl,
            () -> offices.kind().map(k -> k == OfficeKind.PARTNER).orElse(false),
            access);
    // other workstations' commits wake the index's catch-up (office server, ADR 0178)
    this.changes = fr.passerelle.db.ChangeNotices.of(db);
    changes.subscribe(seq -> search.warmUp());
    this.occupations = new OccupationService(db.dsl(), search);
    this.settings = new Settings(db.dsl());
    this.candidateSearch = new CandidateSearch(db, clock, search, access);
    this.candidates = new CandidateService(db, writer, clock, search, candidateSearch, access);
    this.offersModule = new OffersModule(db, writer, offices, clock, access);
    this.sourcing = new SourcingService(db, writer, offices, offersModule, clock, access);
    this.training =
        new TrainingService(db, writer, clock, new FundingRuleService(db, clock, access), access);
    this.trainingReads =
        new fr.passerelle.training.TrainingReads(
            db, access, () -> offersModule.hardToFill().hardToFillRomeCodes());
    this.stats =
        new fr.passerelle.dashboard.StatsService(
            db.dsl(),
            clock,
            access,
            () -> offersModule.hardToFill().rules()::flaggedFromAge,
            () -> offersModule.hardToFill().rulesReady());
    this.meetings = new MeetingService(db, writer, clock, access);
    this.participants = new ParticipantService(db, writer, clock, candidateSearch, access);
    this.sync = new SyncService(db, writer, offices, clock, search, access);
    this.backups = new Backups(db, access, clock);
    this.retention = new fr.passerelle.retention.RetentionService(db, writer, clock, access);
    this.personRights = new fr.passerelle.rights.PersonRightsService(db, writer, clock, access);
  }

  private static LuceneSearchIndex encryptedIndex(Database db, KeyRing keys) {
    byte[] key = keys.searchIndexKey();
    try {
      return LuceneSearchIndex.encrypted(db::dsl, db.dataDir(), key);
    } finally {
      java.util.Arrays.fill(key, (byte) 0);
    }
  }

  public static Services open(Path dataDir) {
    return open(dataDir, WallClock.system(), Progress.NONE);
  }

  public static Services open(Path dataDir, WallClock clock) {
    return open(dataDir, clock, PasswordHasher.Params.DEFAULT);
  }

  /**
   * Opens with Argon2id parameters of the caller's choice (tests use cheap ones; each hash records
   * its parameters, and a weaker hash is replaced at the next sign-in with the default ones).
   */
  public static Services open(Path dataDir, WallClock clock, PasswordHasher.Params hashing) {
    return open(dataDir, clock, hashing, KeyRing.clear(), Progress.NONE);
  }

  /**
   * Opens the encrypted database of {@code dataDir} with the file key {@code keys} holds (unlocked
   * from a key slot: {@link Vault}); the services keep the slots in step with the accounts.
   */
  public static Services open(
      Path dataDir, WallClock clock, PasswordHasher.Params hashing, KeyRing keys) {
    return open(dataDir, clock, hashing, keys, Progress.NONE);
  }

  /**
   * Services on {@code db}, already opened and migrated (a new installation on the office server,
   * ADR 0150), what an interrupted sync import left finished: nobody signed in, no key slots yet.
   */
  public static Services on(Database db, WallClock clock, PasswordHasher.Params hashing) {
    return ready(db, clock, hashing, KeyRing.clear(), Progress.NONE);
  }

  /** The key slots of the encrypted database (a clear one's: {@link KeyRing#encrypted()} false). */
  public KeyRing keys() {
    return keys;
  }

  /** Opens with the default password hashing, reporting the recovery to {@code progress}. */
  public static Services open(Path dataDir, WallClock clock, Progress progress) {
    return open(dataDir, clock, PasswordHasher.Params.DEFAULT, progress);
  }

  /** Opens a clear database, reporting the recovery to {@code progress}. */
  public static Services open(
      Path dataDir, WallClock clock, PasswordHasher.Params hashing, Progress progress) {
    return open(dataDir, clock, hashing, KeyRing.clear(), progress);
  }

  /**
   * Opens the data folder — encrypted with the file key of {@code keys} when it holds one — and
   * finishes what a crash left (ADR 0080), reporting to {@code progress}: after an unclean
   * shutdown, the integrity check of the tables the interrupted work wrote (a damage is refused
   * with the way back: {@link DatabaseDamagedException}, but the damage of a crash during a sync
   * import, rebuilt at once); an interrupted sync import is finished. A failure of that recovery
   * work is logged, never thrown: the installation opens as it is and tries again next time. The
   * search index catches up by itself (ADR 0100).
   */
  public static Services open(
      Path dataDir,
      WallClock clock,
      PasswordHasher.Params hashing,
      KeyRing keys,
      Progress progress) {
    try {
      return openChecked(dataDir, clock, hashing, keys, progress);
    } catch (DatabaseDamagedException e) {
      boolean importInterrupted =
          new fr.passerelle.db.Journal(dataDir)
              .leftovers().stream().anyMatch(n -> n.detail("peer") != null);
      if (!importInterrupted || e.result() == null) {
        throw e; // the way back is the user's choice (check --rebuild, --restore-backup)
      }
      // the damage of a crash in the middle of a sync import: rebuilt, and the import applied
      // again from its kept copy, before anything is served (ADR 0080)
      LOG.log(
          System.Logger.Level.WARNING,
          "the database was damaged during a sync import; rebuilding it: " + e.getMessage());
      WayBack.rebuild(dataDir, keys, progress);
      Services s = openChecked(dataDir, clock, hashing, keys, progress);
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

  private static Services openChecked(
      Path dataDir,
      WallClock clock,
      PasswordHasher.Params hashing,
      KeyRing keys,
      Progress progress) {
    Database db;
    char[] filePassword = keys.h2FilePassword();
    try {
      db = Database.open(dataDir, filePassword);
    } finally {
      if (filePassword != null) {
        java.util.Arrays.fill(filePassword, '\0');
      }
    }
    return ready(db, clock, hashing, keys, progress);
  }

  /**
   * The services on {@code db}, just opened: the check after an unclean shutdown (a damage is
   * refused), then what an interrupted sync import left is finished.
   */
  private static Services ready(
      Database db,
      WallClock clock,
      PasswordHasher.Params hashing,
      KeyRing keys,
      Progress progress) {
    Path dataDir = db.dataDir();
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
        if (!r.ok()) {
          throw DatabaseDamagedException.of(dataDir, r);
        }
        db.verified();
      }
      if (db.server().isPresent()) {
        // the office's key slots follow the server's, where a new workstation finds them
        keys.shareOn(db);
      }
      s = new Services(db, clock, hashing, keys);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    if (keys.encrypted()) {
      try {
        // the sync keys sealed with the file key (ADR 0145): a clear file left from before the
        // encryption is sealed at this first sign-in after the upgrade, tried again at the next
        s.sync.identity().protectKeysAtRest();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "sealing the sync keys failed", e);
      }
    }
    try {
      // before serving: the data is then as before or after the interrupted import
      s.sync.importer().finishInterrupted(progress);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "finishing an interrupted sync import failed", e);
    }
    return s;
  }

  /**
   * The daily automatic backup, if the newest is more than a day old (ADR 0080); the window takes
   * it in the background once open. True if one was taken.
   */
  public boolean takeDailyBackupIfDue() {
    return new fr.passerelle.db.AutoBackups(db, clock).takeDailyIfDue();
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

  /** Finding candidates: search, pages, summaries, the files opened last (ADR 0194). */
  public CandidateSearch candidateSearch() {
    return candidateSearch;
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

  public fr.passerelle.training.TrainingReads trainingReads() {
    return trainingReads;
  }

  public fr.passerelle.dashboard.StatsService stats() {
    return stats;
  }

  public MeetingService meetings() {
    return meetings;
  }

  /** Who is on a meeting: invitations, statuses, the capacity rule (ADR 0194). */
  public ParticipantService participants() {
    return participants;
  }

  public SyncService sync() {
    return sync;
  }

  /** Retention rules, the monthly purge proposal and its confirmation (docs/retention.md). */
  public fr.passerelle.retention.RetentionService retention() {
    return retention;
  }

  /** A person's rights: everything about them (PDF, JSON), their erasure everywhere. */
  public fr.passerelle.rights.PersonRightsService personRights() {
    return personRights;
  }

  /** Stops the background work (at the end of its current short transaction), then closes. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    changes.close();
    search.close();
    db.close();
  }

  /** Changes committed by other workstations of the office server, as they are heard. */
  public fr.passerelle.db.ChangeNotices changes() {
    return changes;
  }
}
