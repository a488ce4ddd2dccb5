package fr.passerelle.testsupport;

import fr.passerelle.accounts.Account;
import fr.passerelle.accounts.AccountDraft;
import fr.passerelle.accounts.Roles;
import fr.passerelle.app.Services;
import fr.passerelle.db.WallClock;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.security.PasswordHasher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real H2 file database in a temp folder, migrated, with a settable clock and an administrator
 * signed in ({@link #ADMIN}, every role): tests call the services as a person would. {@link #as}
 * signs in with other roles. Passwords are hashed with cheap Argon2id parameters (the hash records
 * them; the check is the real one).
 */
public final class TestServices {
  /** The test administrator's login; its account holds every role. */
  public static final String ADMIN = "admin";

  /** The password of every test account (it follows the passphrase rule). */
  public static final String PASSWORD = "correct horse battery staple";

  /** Argon2id at 1 MiB and one pass: a few milliseconds per hash. */
  public static final PasswordHasher.Params FAST = new PasswordHasher.Params(1024, 1, 1);

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
    return open(dir, WallClock.system());
  }

  /** Services on {@code dir} with the test administrator signed in (created on first use). */
  public static Services open(Path dir, WallClock clock) {
    Services s = openSignedOut(dir, clock);
    try {
      signInAdmin(s);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
    return s;
  }

  /**
   * Benchmarks: as {@link #open(Path)} for a clear folder; an encrypted one is opened the way the
   * window opens it, by the test administrator's sign-in (its key slot, Argon2id with the default
   * parameters), with the password read from the variable {@value #BENCH_PASSWORD} (never a process
   * argument).
   */
  public static Services openAny(Path dir) {
    if (!fr.passerelle.security.keys.KeyRing.isEncrypted(dir)) {
      return open(dir);
    }
    String pw = System.getenv(BENCH_PASSWORD);
    if (pw == null) {
      throw new IllegalStateException(dir + " is encrypted: set " + BENCH_PASSWORD);
    }
    return fr.passerelle.app.Vault.standard()
        .signIn(dir, ADMIN, pw.toCharArray(), "benchmark")
        .services();
  }

  /** The variable {@link #openAny} reads an encrypted folder's password from. */
  public static final String BENCH_PASSWORD = "PASSERELLE_BENCH_PASSWORD";

  /**
   * Services on {@code dir} with nobody signed in: its embedded H2 file, or, when {@link
   * TestServer#configured()} (the PostgreSQL suite), a schema of its own on the test server, the
   * same one each time {@code dir} is opened again.
   */
  public static Services openSignedOut(Path dir, WallClock clock) {
    return TestServer.configured()
        ? Services.on(TestServer.open(dir), clock, FAST)
        : Services.open(dir, clock, FAST);
  }

  /** Signs the test administrator in, creating it (every role) if the installation has none. */
  public static void signInAdmin(Services s) {
    if (s.signIn().noAccountYet()) {
      s.accounts()
          .createFirstAdministrator(
              new AccountDraft(
                  ADMIN,
                  null,
                  null,
                  List.of(Roles.ADMINISTRATOR, Roles.COUNSELOR, Roles.MANAGER, Roles.READ_ONLY),
                  null,
                  false),
              PASSWORD.toCharArray());
    } else {
      s.signIn().signIn(ADMIN, PASSWORD.toCharArray());
    }
  }

  /**
   * Signs in as {@code login} holding exactly {@code roles} (the account is created by the test
   * administrator, or its roles replaced), with {@link #PASSWORD} as its own password.
   */
  public static Services as(Services s, String login, String... roles) {
    signInAdmin(s);
    Account a =
        s.accounts().list().stream()
            .filter(x -> x.login().equals(login))
            .findFirst()
            .orElseGet(
                () ->
                    s.accounts()
                        .create(
                            new AccountDraft(login, null, null, List.of(roles), null, false),
                            PASSWORD.toCharArray()));
    s.accounts().setRoles(a.id(), List.of(roles));
    s.signIn().signIn(login, PASSWORD.toCharArray());
    // a created account must choose its password: the same one, so that the CLI can sign in
    s.signIn().changePassword(PASSWORD.toCharArray(), PASSWORD.toCharArray());
    return s;
  }

  /** Services with an office already set up. */
  public static Services withOffice(Path dir, String name, OfficeKind kind) {
    Services s = open(dir);
    s.offices().init(name, kind, null);
    return s;
  }
}
