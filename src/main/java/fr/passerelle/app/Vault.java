package fr.passerelle.app;

import fr.passerelle.core.Progress;
import fr.passerelle.db.Database;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.crypto.DatabaseEncryption;
import fr.passerelle.search.LuceneSearchIndex;
import fr.passerelle.security.DatabaseCredentialStore;
import fr.passerelle.security.PasswordHasher;
import fr.passerelle.security.Permission;
import fr.passerelle.security.Principal;
import fr.passerelle.security.SignInService;
import fr.passerelle.security.keys.KeyRing;
import fr.passerelle.security.keys.RecoveryKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Opens a data folder for an account (ADR 0110). An encrypted database: the account's key slot is
 * opened with its password first (the throttle counted there), the database opened with the file
 * key, then the account signed in as before. A clear one: opened, the account signed in, then —
 * when this vault encrypts — converted at once, and opened again encrypted. A new installation is
 * opened clear for its set-up, then {@link #encrypt}ed with the first administrator's password.
 */
public final class Vault {
  /** What a sign-in opened; {@code recoveryKey} not null: made now, to show once. */
  public record Opened(Services services, SignInService.SignedIn signedIn, RecoveryKey recoveryKey)
      implements AutoCloseable {
    @Override
    public void close() {
      services.close();
    }
  }

  /**
   * How a clear folder's services are opened (tests: a manual clock, cheap hashing), what a crash
   * left finished first with its progress to {@code recovery} (ADR 0080).
   */
  @FunctionalInterface
  public interface ClearOpener {
    Services open(Path dataDir, Progress recovery);
  }

  private final WallClock clock;
  private final PasswordHasher.Params params;
  private final boolean encrypts;
  private final ClearOpener clear;
  private Consumer<DatabaseEncryption.Step> steps = s -> {};

  /**
   * {@code encrypts}: a clear database is encrypted at the first sign-in (false: it stays clear, as
   * most tests keep theirs).
   */
  public Vault(WallClock clock, PasswordHasher.Params params, boolean encrypts, ClearOpener clear) {
    this.clock = clock;
    this.params = params;
    this.encrypts = encrypts;
    this.clear = clear;
  }

  /**
   * The system property that keeps a clear database clear (tests that run the application in a
   * child process and reopen its folder clear). An encrypted database stays encrypted whatever it
   * says.
   */
  public static final String KEEP_CLEAR = "passerelle.keepClearDatabase";

  /** The application's vault: system clock, default Argon2id cost, encryption on. */
  public static Vault standard() {
    return new Vault(
        WallClock.system(),
        PasswordHasher.Params.DEFAULT,
        !Boolean.getBoolean(KEEP_CLEAR),
        (d, recovery) ->
            Services.open(d, WallClock.system(), PasswordHasher.Params.DEFAULT, recovery));
  }

  /** A vault that never encrypts, opening clear folders with {@code clear}. */
  public static Vault clearOnly(ClearOpener clear) {
    return new Vault(WallClock.system(), PasswordHasher.Params.DEFAULT, false, clear);
  }

  /** Tests: told each step of a conversion (to interrupt it). */
  Vault onStep(Consumer<DatabaseEncryption.Step> s) {
    this.steps = s;
    return this;
  }

  /** True when this vault encrypts clear databases. */
  public boolean encrypts() {
    return encrypts;
  }

  /**
   * True when {@code dataDir}'s database is encrypted (after undoing an interrupted conversion):
   * the sign-in comes before the opening.
   */
  public boolean encrypted(Path dataDir) {
    if (Files.isDirectory(dataDir)) {
      // a restore killed after its database's rename brings its key slots first (ADR 0146)
      fr.passerelle.db.BackupService.finishInterruptedRestore(dataDir);
      DatabaseEncryption.discardInterrupted(dataDir);
    }
    return DatabaseEncryption.encrypted(dataDir);
  }

  /** Opens a clear (or new) folder with nobody signed in: the set-up, a first administrator. */
  public Services openClear(Path dataDir) {
    return openClear(dataDir, Progress.NONE);
  }

  /** As {@link #openClear(Path)}, the recovery after a crash reported to {@code recovery}. */
  public Services openClear(Path dataDir, Progress recovery) {
    return clear.open(dataDir, recovery);
  }

  /**
   * Signs {@code login} in on {@code dataDir}, opening it: throws {@code SignInException} (nothing
   * opened or changed) when refused.
   */
  public Opened signIn(Path dataDir, String login, char[] password, String channel) {
    return signIn(dataDir, login, password, channel, Progress.NONE);
  }

  /**
   * As {@link #signIn(Path, String, char[], String)}, the recovery after a crash reported to {@code
   * recovery}. An encrypted database found damaged ({@link DatabaseDamagedException}) is said with
   * the key ring its slot opened ({@link Damaged}), for the way back.
   */
  public Opened signIn(
      Path dataDir, String login, char[] password, String channel, Progress recovery) {
    if (encrypted(dataDir)) {
      KeyRing ring = KeyRing.unlock(dataDir, login, password, params, clock);
      Services s;
      try {
        s = Services.open(dataDir, clock, params, ring, recovery);
      } catch (DatabaseDamagedException e) {
        throw new Damaged(e, ring);
      }
      try {
        return new Opened(s, s.signIn().signIn(login, password, channel), null);
      } catch (RuntimeException e) {
        s.close();
        throw e;
      }
    }
    return signIn(clear.open(dataDir, recovery), login, password, channel);
  }

  /**
   * Signs {@code login} in on the clear services {@code s} (opened with {@link #openClear}), then
   * encrypts the database when this vault encrypts. {@code s} is closed when refused.
   */
  public Opened signIn(Services s, String login, char[] password, String channel) {
    SignInService.SignedIn in;
    try {
      in = s.signIn().signIn(login, password, channel);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    if (!encrypts) {
      return new Opened(s, in, null);
    }
    return encrypt(s, password, channel);
  }

  /**
   * Encrypts the clear database of {@code signedIn} (an account signed in with {@code password}):
   * closes it, converts it, opens it again encrypted and signs the account in again. The other
   * accounts' slots are wrapped from their stored hashes; a recovery key is made when the account
   * is an administrator (else one runs {@code accounts recovery-key} later). The clear search index
   * is deleted; the encrypted one is built from the database (ADR 0171). On failure the clear
   * database stays as it was.
   */
  public Opened encrypt(Services signedIn, char[] password, String channel) {
    Path dataDir = signedIn.db().dataDir();
    Principal p = signedIn.access().principal().orElseThrow();
    RecoveryKey recovery =
        p.permissions().contains(Permission.ACCOUNTS_MANAGE) ? RecoveryKey.random() : null;
    KeyRing ring = freshRing(signedIn, password, recovery);
    signedIn.close();
    char[] filePassword = ring.h2FilePassword();
    try {
      DatabaseEncryption.convert(dataDir, filePassword, ring::writeTo, steps);
    } finally {
      java.util.Arrays.fill(filePassword, '\0');
    }
    deleteSearchIndex(dataDir);
    Services s = Services.open(dataDir, clock, params, ring);
    try {
      return new Opened(s, s.signIn().signIn(p.login(), password, channel), recovery);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /**
   * Opens a new installation on the office server {@code server} with {@code password} (its data
   * folder keeps the search index, the journal and, after {@link #keepServer}, the descriptor),
   * nobody signed in: the set-up of its first administrator follows.
   */
  public Services openOnServer(Path dataDir, OfficeServer server, char[] password) {
    return Services.on(Database.open(dataDir, server, password), clock, params);
  }

  /**
   * Keeps the office server of {@code signedIn} (its first administrator signed in with {@code
   * password}) for the next starts (ADR 0150): a file key wrapped in the account slots of {@code
   * passerelle.keys}, as for an encrypted H2 file (ADR 0110), seals the server's password {@code
   * serverPassword} in the descriptor. The next start signs in first, the slot giving the key that
   * unseals the password. Returns the recovery key, made now (it opens the slots too), to show
   * once.
   */
  public RecoveryKey keepServer(
      Services signedIn, char[] password, OfficeServer server, char[] serverPassword) {
    Path dataDir = signedIn.db().dataDir();
    RecoveryKey recovery = RecoveryKey.random();
    KeyRing ring = freshRing(signedIn, password, recovery);
    char[] key = ring.h2FilePassword();
    try {
      server.write(dataDir, serverPassword, key);
      ring.writeTo(dataDir.resolve(DatabaseEncryption.KEYS_FILE));
      if (signedIn.db().server().isPresent()) {
        ring.shareOn(signedIn.db()); // where the next workstations find them (ADR 0190)
      }
    } finally {
      java.util.Arrays.fill(key, '\0');
    }
    return recovery;
  }

  /**
   * A new file key in the slots of the account signed in on {@code signedIn} (with {@code
   * password}), of the other accounts (from their stored hashes) and of {@code recovery} (null:
   * none).
   */
  private KeyRing freshRing(Services signedIn, char[] password, RecoveryKey recovery) {
    Principal p = signedIn.access().principal().orElseThrow();
    return KeyRing.fresh(
        signedIn.db().dataDir(),
        params,
        p.accountId(),
        p.login(),
        password,
        new DatabaseCredentialStore(signedIn.db()).all(),
        recovery);
  }

  /**
   * Opens {@code dataDir} with nobody signed in: encrypted with the file key of {@code keys}
   * (unlocked by a sign-in before), else clear.
   */
  public Services open(Path dataDir, KeyRing keys) {
    return keys.encrypted()
        ? Services.open(dataDir, clock, params, keys, Progress.NONE)
        : clear.open(dataDir, Progress.NONE);
  }

  /**
   * The key ring of the installation that made the backup {@code backup}, from the key slots it
   * carries, for {@code login}'s password (ADR 0146): a restore on another workstation. Throws
   * {@code SignInException} (nothing changed) when the password does not open a slot, an {@code
   * InvalidInputException} when the backup carries none.
   */
  public KeyRing unlockBackup(Path backup, Path dataDir, String login, char[] password) {
    byte[] slots = fr.passerelle.db.BackupService.requireKeySlots(backup);
    return KeyRing.unlockCarried(slots, backup.toString(), dataDir, login, password, params);
  }

  /**
   * The key ring of an office-server installation from the key slots {@code shared} kept on its
   * server (ADR 0190), for {@code login}'s password: a workstation joining the office. Throws
   * {@code SignInException} (nothing changed) when the password does not open a slot.
   */
  public KeyRing unlockShared(
      java.util.List<String> shared, String where, Path dataDir, String login, char[] password) {
    return KeyRing.joining(shared, where, dataDir, login, password, params);
  }

  /**
   * Opens an encrypted folder with its recovery key, nobody signed in (an administrator's reset).
   */
  public Services recover(Path dataDir, RecoveryKey key) {
    encrypted(dataDir);
    return Services.open(dataDir, clock, params, KeyRing.recover(dataDir, key, params));
  }

  private static void deleteSearchIndex(Path dataDir) {
    try {
      LuceneSearchIndex.discard(dataDir);
    } catch (java.io.UncheckedIOException e) {
      System.getLogger(Vault.class.getName())
          .log(System.Logger.Level.WARNING, "cannot delete the clear search index", e);
    }
  }

  /**
   * The encrypted database a sign-in opened is damaged (ADR 0080): the cause says how, {@link
   * #keys()} holds the file key the account's slot gave, for the way back (rebuild, restore).
   */
  public static final class Damaged extends fr.passerelle.core.UserFacingException {
    private final transient KeyRing keys;

    Damaged(DatabaseDamagedException cause, KeyRing keys) {
      super(cause.exitCode(), cause.getMessage(), cause);
      this.keys = keys;
      cause.key().ifPresent(k -> keyed(k, cause.args()));
    }

    /** The damage found. */
    public DatabaseDamagedException damage() {
      return (DatabaseDamagedException) getCause();
    }

    /** The unlocked key ring of the damaged database. */
    public KeyRing keys() {
      return keys;
    }
  }
}
