package fr.passerelle.ui.shell;

import fr.passerelle.app.ServerSetUp;
import fr.passerelle.app.Services;
import fr.passerelle.app.Vault;
import fr.passerelle.app.WayBack;
import fr.passerelle.core.Progress;
import fr.passerelle.db.DatabaseDamagedException;
import fr.passerelle.db.OfficeServer;
import fr.passerelle.db.ServerProbe;
import fr.passerelle.security.SignInService;
import fr.passerelle.security.keys.KeyRing;
import fr.passerelle.security.keys.RecoveryKey;
import fr.passerelle.ui.Languages;
import fr.passerelle.ui.setup.OfficeServers;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start and the sign-in, without the window: what the start finds in the data folder
 * (nothing yet, an office without an administrator, accounts; or an encrypted database that only a
 * sign-in opens), the database a sign-in opens (an encrypted one, by the account's key slot) or
 * seals (a clear one, encrypted at its first sign-in when the vault encrypts: ADR 0110), the
 * recovery key that encryption made (to show once), and the way back from a database found damaged.
 * Every method but {@link #services} and {@link #takeRecoveryKey} runs off the FX thread; {@link
 * AppController} shows the screens.
 */
final class SessionGate implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionGate.class);

  /** What the start needs from the database, read off the FX thread. */
  record Opened(
      Services services, Locale locale, String office, boolean hasOffice, boolean hasAccount) {
    static Opened open(Services s) {
      try {
        var office = s.offices().current();
        return new Opened(
            s,
            Languages.load(s.settings()),
            office.map(o -> o.name()).orElse(""),
            office.isPresent(),
            !s.signIn().noAccountYet());
      } catch (RuntimeException e) {
        s.close();
        throw e;
      }
    }
  }

  /** What a sign-in that opened the database tells the window besides its result. */
  interface Events {
    /** The account's key slot opened the file key, and the database is damaged. */
    void damaged(DatabaseDamagedException damage);

    /** The database was repaired as it opened (ADR 0080). */
    void repairedAtOpen();
  }

  /**
   * What a way back did, and the folder opened again (null: an encrypted one, opened by a sign-in).
   */
  record Repaired(WayBack.Outcome outcome, Opened reopened) {}

  private final Vault vault;
  private final Path dataDir;

  /** Set off the FX thread by a sign-in that opens (or encrypts) the database. */
  private volatile Services services;

  /** The recovery key made by the last encryption, to show once; then null. */
  private volatile RecoveryKey shownOnce;

  /** The key ring of an encrypted database a sign-in found damaged, for its way back; else null. */
  private volatile KeyRing damagedKeys;

  SessionGate(Vault vault, Path dataDir) {
    this.vault = vault;
    this.dataDir = dataDir;
  }

  /** Opens a clear database at the start; empty for an encrypted one, which the sign-in opens. */
  Optional<Opened> openAtStart() {
    if (vault.encrypted(dataDir)) {
      return Optional.empty();
    }
    return Optional.of(Opened.open(vault.openClear(dataDir)));
  }

  /**
   * Signs {@code login} in: an encrypted database not yet open is opened by the account's key slot;
   * a clear one is encrypted at this first sign-in (when the vault encrypts).
   */
  SignInService.SignedIn signIn(String login, char[] password, Events events) {
    if (services == null) {
      Vault.Opened o;
      try {
        o = vault.signIn(dataDir, login, password, "fenêtre");
      } catch (Vault.Damaged d) {
        // the account's slot opened the file key, the database is damaged: the ways back
        damagedKeys = d.keys();
        events.damaged(d.damage());
        throw d;
      }
      if (o.services().repairedAtOpen()) {
        events.repairedAtOpen();
      }
      services = o.services();
      return o.signedIn();
    }
    SignInService.SignedIn s = services.signIn().signIn(login, password, "fenêtre");
    Vault.Opened sealed = sealWith(password);
    return sealed == null ? s : sealed.signedIn();
  }

  /**
   * Encrypts the clear database with the signed-in account's password (off the FX thread); null
   * when there is nothing to encrypt.
   */
  Vault.Opened sealWith(char[] password) {
    if (!vault.encrypts() || services.keys().encrypted()) {
      return null;
    }
    Services clear = services;
    services = null;
    Vault.Opened o = vault.encrypt(clear, password, "fenêtre");
    services = o.services();
    shownOnce = o.recoveryKey();
    LOG.info("database encrypted in {}", dataDir);
    return o;
  }

  /**
   * The office server as the first-start window offers it (ADR 0190), through the same service as
   * {@code init --database} and {@code join}: once the new installation's first administrator
   * exists there, its password sealed and its key slots written, the empty embedded database opened
   * at the start is closed and deleted, and the administrator signed in on the server's
   * installation.
   */
  OfficeServers officeServers() {
    ServerSetUp setUp = new ServerSetUp(vault);
    return new OfficeServers() {
      @Override
      public ServerProbe.Found test(OfficeServer server, char[] password) {
        return setUp.testForNewOrJoin(server, password);
      }

      @Override
      public SignInService.SignedIn join(
          OfficeServer server, char[] serverPassword, String login, char[] password) {
        // as keep: checked by the join's own sign-in, then the window's empty embedded database
        // closed and deleted, and the account signed in on the server's installation
        setUp.join(dataDir, server, serverPassword, login, password, true).close();
        Services clear = services;
        services = null;
        if (clear != null) {
          clear.close();
        }
        ServerSetUp.discardUnusedEmbedded(dataDir);
        Vault.Opened o = vault.signIn(dataDir, login, password, "fenêtre");
        services = o.services();
        LOG.info("workstation joined the office on the server {}", server.address());
        return o.signedIn();
      }

      @Override
      public Services openNew(OfficeServer server, char[] password) {
        return setUp.openNew(dataDir, server, password, true);
      }

      @Override
      public void keep(
          Services signedIn, char[] password, OfficeServer server, char[] serverPassword) {
        RecoveryKey recovery = setUp.keep(signedIn, password, server, serverPassword);
        String login = signedIn.access().principal().orElseThrow().login();
        signedIn.close();
        Services clear = services;
        services = null;
        if (clear != null) {
          clear.close();
        }
        ServerSetUp.discardUnusedEmbedded(dataDir);
        services = vault.signIn(dataDir, login, password, "fenêtre").services();
        shownOnce = recovery;
        LOG.info("office set up on the server {}", server.address());
      }
    };
  }

  /** True when an encryption made a recovery key not shown yet. */
  boolean recoveryKeyToShow() {
    return shownOnce != null;
  }

  /** The recovery key made by the last encryption, once; then null. */
  RecoveryKey takeRecoveryKey() {
    RecoveryKey key = shownOnce;
    shownOnce = null;
    return key;
  }

  /**
   * The way back from a damaged database (ADR 0080), off the FX thread: rebuilt from what can be
   * read, or the newest automatic backup restored; a clear folder is opened again.
   */
  Repaired repair(boolean rebuild, Progress progress) {
    KeyRing keys = damagedKeys != null ? damagedKeys : KeyRing.clear();
    damagedKeys = null;
    WayBack.Outcome o =
        rebuild
            ? WayBack.rebuild(dataDir, keys, progress)
            : WayBack.restoreLatestBackup(dataDir, keys);
    // an encrypted database opens again by a sign-in
    Opened reopened = keys.encrypted() ? null : Opened.open(vault.openClear(dataDir));
    return new Repaired(o, reopened);
  }

  /** Uses the services of a folder opened at the start or by a way back. */
  void use(Opened o) {
    services = o.services();
  }

  /** The services once the database is open, else null. */
  Services services() {
    return services;
  }

  @Override
  public void close() {
    if (services != null) {
      services.close();
      services = null;
    }
  }
}
