package fr.passerelle.accounts;

import static fr.passerelle.db.jooq.Tables.ACCOUNT;
import static fr.passerelle.db.jooq.Tables.ACCOUNT_ROLE;
import static fr.passerelle.db.jooq.Tables.COUNSELOR;
import static fr.passerelle.db.jooq.Tables.PERMISSION;
import static fr.passerelle.db.jooq.Tables.ROLE;
import static fr.passerelle.db.jooq.Tables.ROLE_PERMISSION;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.Settings;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.AccountRecord;
import fr.passerelle.office.Office;
import fr.passerelle.office.OfficeKind;
import fr.passerelle.office.OfficeService;
import fr.passerelle.security.Access;
import fr.passerelle.security.AuditAction;
import fr.passerelle.security.Authenticator;
import fr.passerelle.security.DatabaseCredentialStore;
import fr.passerelle.security.Permission;
import fr.passerelle.security.SignInService;
import fr.passerelle.security.keys.KeyRing;
import fr.passerelle.security.keys.RecoveryKey;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * Named accounts: the first administrator (office set-up), then what an administrator does — create
 * accounts, choose their roles, disable them, reset a forgotten password, unlock — and the
 * installation's idle-lock setting. Accounts are local to the installation; each may be linked to a
 * counselor row (replicated), whose name appears on what the account creates.
 */
public final class AccountService {
  /** The idle time after which the window locks itself (local setting, seconds). */
  public static final String IDLE_LOCK_SETTING = "security.idleLockSeconds";

  public static final Duration DEFAULT_IDLE_LOCK = Duration.ofMinutes(10);
  public static final Duration MIN_IDLE_LOCK = Duration.ofSeconds(1);
  public static final Duration MAX_IDLE_LOCK = Duration.ofHours(4);

  private final Database db;
  private final ReplicatedWriter writer;
  private final Access access;
  private final SignInService signIn;
  private final Authenticator auth;
  private final OfficeService offices;
  private final Settings settings;
  private final WallClock clock;
  private final KeyRing keys;

  public AccountService(
      Database db,
      ReplicatedWriter writer,
      Access access,
      SignInService signIn,
      Authenticator auth,
      OfficeService offices,
      WallClock clock,
      KeyRing keys) {
    this.keys = keys;
    this.db = db;
    this.writer = writer;
    this.access = access;
    this.signIn = signIn;
    this.auth = auth;
    this.offices = offices;
    this.settings = new Settings(db.dsl());
    this.clock = clock;
  }

  /**
   * The office set-up: creates the office and its first administrator (roles {@link
   * Roles#FIRST_ADMINISTRATOR}), then signs it in. Refused if the installation already has an
   * office or an account; nothing is created when the password breaks the rule.
   */
  public SignInService.SignedIn setUp(
      String officeName, OfficeKind kind, String organisation, AccountDraft admin, char[] pw) {
    checkFirst(admin, pw);
    Office office = offices.init(officeName, kind, organisation);
    return createFirstAdministrator(admin, pw, office);
  }

  /**
   * Creates the first administrator of an installation that has none (an installation set up before
   * accounts existed, or by {@code init}), and signs it in.
   */
  public SignInService.SignedIn createFirstAdministrator(AccountDraft admin, char[] pw) {
    checkFirst(admin, pw);
    return createFirstAdministrator(admin, pw, offices.current().orElse(null));
  }

  private void checkFirst(AccountDraft admin, char[] pw) {
    if (!signIn.noAccountYet()) {
      throw InvalidInputException.of(
          "accounts.error.notFirst",
          "This installation already has accounts: sign in as an administrator to add one.");
    }
    AccountRows.checkLogin(db.dsl(), admin.login());
    AccountRows.checkNames(admin);
    signIn.requireAcceptable(pw, admin.login(), admin.firstName(), admin.lastName());
  }

  private SignInService.SignedIn createFirstAdministrator(
      AccountDraft admin, char[] pw, Office office) {
    String hash = auth.hasher().hash(pw);
    AccountDraft d =
        new AccountDraft(
            admin.login(),
            admin.firstName(),
            admin.lastName(),
            admin.roles().isEmpty() ? Roles.FIRST_ADMINISTRATOR : admin.roles(),
            admin.counselorId(),
            admin.newCounselor());
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              if (tx.fetchExists(ACCOUNT)) {
                throw InvalidInputException.of(
                    "accounts.error.notFirst", "This installation already has accounts.");
              }
              AccountRows.insert(tx, writer, d, hash, false, office, now());
            });
    if (keys.encrypted()) {
      UUID id =
          db.dsl()
              .select(ACCOUNT.ID)
              .from(ACCOUNT)
              .where(ACCOUNT.LOGIN.eq(DatabaseCredentialStore.normalise(d.login())))
              .fetchSingle(ACCOUNT.ID);
      keys.put(id, d.login(), pw);
    }
    SignInService.SignedIn s = signIn.signIn(d.login(), pw);
    access
        .audit()
        .record(
            AuditAction.ACCOUNT_CREATED,
            null,
            "compte " + DatabaseCredentialStore.normalise(d.login()),
            "premier administrateur");
    return s;
  }

  /** Every account, by login. */
  public List<Account> list() {
    access.require(Permission.ACCOUNTS_MANAGE);
    Map<UUID, List<String>> roles =
        db.dsl()
            .selectFrom(ACCOUNT_ROLE)
            .fetchGroups(ACCOUNT_ROLE.ACCOUNT_ID, ACCOUNT_ROLE.ROLE_CODE);
    return db.dsl()
        .selectFrom(ACCOUNT)
        .orderBy(ACCOUNT.LOGIN)
        .fetch(r -> AccountRows.toAccount(r, roles.getOrDefault(r.getId(), List.of())));
  }

  /** The roles and the permissions each grants (the tables' content). */
  public List<RoleInfo> roles() {
    access.require(Permission.ACCOUNTS_MANAGE);
    Map<String, List<String>> perms =
        db.dsl()
            .selectFrom(ROLE_PERMISSION)
            .fetchGroups(ROLE_PERMISSION.ROLE_CODE, ROLE_PERMISSION.PERMISSION_CODE);
    return db.dsl()
        .selectFrom(ROLE)
        .orderBy(ROLE.POSITION)
        .fetch(
            r ->
                new RoleInfo(
                    r.getCode(),
                    r.getDescription(),
                    perms.getOrDefault(r.getCode(), List.of()).stream()
                        .filter(AccountService::known)
                        .map(Permission::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)))));
  }

  /** The permission codes of the {@code permission} table, in order. */
  public List<String> permissionCodes() {
    access.require(Permission.ACCOUNTS_MANAGE);
    return db.dsl()
        .select(PERMISSION.CODE)
        .from(PERMISSION)
        .orderBy(PERMISSION.POSITION)
        .fetch(PERMISSION.CODE);
  }

  /** This office's counselor rows no account is linked to yet (to link a new account). */
  public List<CounselorRef> unlinkedCounselors() {
    access.require(Permission.ACCOUNTS_MANAGE);
    UUID office = offices.current().map(Office::id).orElse(null);
    return db.dsl()
        .select(COUNSELOR.ID, COUNSELOR.FIRST_NAME, COUNSELOR.LAST_NAME)
        .from(COUNSELOR)
        .where(COUNSELOR.DELETED.isFalse())
        .and(office == null ? COUNSELOR.OFFICE_ID.isNull() : COUNSELOR.OFFICE_ID.eq(office))
        .andNotExists(
            db.dsl().selectOne().from(ACCOUNT).where(ACCOUNT.COUNSELOR_ID.eq(COUNSELOR.ID)))
        .orderBy(COUNSELOR.LAST_NAME, COUNSELOR.FIRST_NAME)
        .fetch(r -> new CounselorRef(r.value1(), r.value2(), r.value3()));
  }

  /** A counselor row one may link an account to. */
  public record CounselorRef(UUID id, String firstName, String lastName) {
    public String displayName() {
      return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName))
          .trim();
    }
  }

  /**
   * Creates an account with a temporary password (to give the person, who must choose their own at
   * first sign-in).
   */
  public Account create(AccountDraft d, char[] temporaryPassword) {
    access.require(Permission.ACCOUNTS_MANAGE);
    AccountRows.checkLogin(db.dsl(), d.login());
    AccountRows.checkNames(d);
    AccountRows.checkRoles(db.dsl(), d.roles());
    signIn.requireAcceptable(temporaryPassword, d.login(), d.firstName(), d.lastName());
    String hash = auth.hasher().hash(temporaryPassword);
    Office office = offices.current().orElse(null);
    UUID id =
        db.dsl()
            .transactionResult(
                cfg -> {
                  DSLContext tx = cfg.dsl();
                  AccountRecord r = AccountRows.insert(tx, writer, d, hash, true, office, now());
                  access
                      .audit()
                      .record(
                          tx,
                          AuditAction.ACCOUNT_CREATED,
                          null,
                          "compte " + r.getLogin(),
                          "roles " + String.join(",", d.roles()));
                  return r.getId();
                });
    // the administrator creating it is signed in: the file key is in memory
    keys.put(id, d.login(), temporaryPassword);
    return load(id);
  }

  /** Replaces an account's roles; the last administrator keeps that role. */
  public Account setRoles(UUID accountId, List<String> roles) {
    access.require(Permission.ACCOUNTS_MANAGE);
    AccountRows.checkRoles(db.dsl(), roles);
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              AccountRecord a = AccountRows.existing(tx, accountId);
              if (!roles.contains(Roles.ADMINISTRATOR)) {
                AccountRows.requireAnotherAdministrator(tx, accountId);
              }
              tx.deleteFrom(ACCOUNT_ROLE).where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId)).execute();
              for (String role : new LinkedHashSet<>(roles)) {
                tx.insertInto(ACCOUNT_ROLE)
                    .set(ACCOUNT_ROLE.ACCOUNT_ID, accountId)
                    .set(ACCOUNT_ROLE.ROLE_CODE, role)
                    .execute();
              }
              access
                  .audit()
                  .record(
                      tx,
                      AuditAction.ACCOUNT_CHANGED,
                      null,
                      "compte " + a.getLogin(),
                      "roles " + String.join(",", roles));
            });
    refreshIfSelf(accountId);
    return load(accountId);
  }

  /** Disables (or enables again) an account: it can no longer sign in. Not one's own. */
  public Account setDisabled(UUID accountId, boolean disabled) {
    access.require(Permission.ACCOUNTS_MANAGE);
    if (disabled && access.principal().map(p -> p.accountId().equals(accountId)).orElse(false)) {
      throw InvalidInputException.of(
          "accounts.error.self", "An administrator cannot disable their own account.");
    }
    if (!disabled && !keys.has(accountId)) {
      throw InvalidInputException.of(
          "accounts.error.noKeySlot",
          "This account's password no longer opens the encrypted database (it was disabled):"
              + " reset its password, then enable it.");
    }
    db.dsl()
        .transaction(
            cfg -> {
              DSLContext tx = cfg.dsl();
              AccountRecord a = AccountRows.existing(tx, accountId);
              if (disabled && AccountRows.isAdministrator(tx, accountId)) {
                AccountRows.requireAnotherAdministrator(tx, accountId);
              }
              a.setDisabled(disabled);
              a.update();
              access
                  .audit()
                  .record(
                      tx,
                      AuditAction.ACCOUNT_CHANGED,
                      null,
                      "compte " + a.getLogin(),
                      disabled ? "disabled" : "enabled");
            });
    if (disabled) {
      // a person who left keeps their password: it must no longer open a copy of the database
      keys.remove(accountId);
    }
    return load(accountId);
  }

  /**
   * Resets a forgotten password to a temporary one (the person must choose their own at the next
   * sign-in); also unlocks the account.
   */
  public void resetPassword(UUID accountId, char[] temporaryPassword) {
    access.require(Permission.ACCOUNTS_MANAGE);
    AccountRecord a = AccountRows.existing(db.dsl(), accountId);
    signIn.requireAcceptable(temporaryPassword, a.getLogin(), a.getFirstName(), a.getLastName());
    keys.put(accountId, a.getLogin(), temporaryPassword);
    auth.store().setHash(accountId, auth.hasher().hash(temporaryPassword), true, now());
    access.audit().record(AuditAction.PASSWORD_RESET, null, "compte " + a.getLogin(), null);
  }

  /**
   * A new recovery key for the encrypted database, replacing the previous one (which no longer
   * opens it); shown once to the administrator. Refused on a clear installation.
   */
  public RecoveryKey renewRecoveryKey() {
    access.require(Permission.ACCOUNTS_MANAGE);
    RecoveryKey r = keys.renewRecovery();
    access.audit().record(AuditAction.ACCOUNT_CHANGED, null, "clé de secours", "renouvelée");
    return r;
  }

  /**
   * When the recovery key opened the database (every administrator's password forgotten): gives
   * {@code login} a temporary password to change at the next sign-in, and lifts its lock. Refused
   * otherwise; audited as done with the recovery key.
   */
  public void recoverAccess(String login, char[] temporaryPassword) {
    if (!keys.openedByRecovery()) {
      throw InvalidInputException.of(
          "keys.error.notRecovery",
          "Only the recovery key gives an account its access back this way: an administrator"
              + " resets a password in Comptes.");
    }
    AccountRecord a =
        db.dsl()
            .selectFrom(ACCOUNT)
            .where(ACCOUNT.LOGIN.eq(DatabaseCredentialStore.normalise(login)))
            .fetchOptional()
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "accounts.error.unknown",
                        "No account has the login " + login + ".",
                        login));
    signIn.requireAcceptable(temporaryPassword, a.getLogin(), a.getFirstName(), a.getLastName());
    keys.put(a.getId(), a.getLogin(), temporaryPassword);
    auth.store().setHash(a.getId(), auth.hasher().hash(temporaryPassword), true, now());
    access
        .audit()
        .recordAs(
            a.getId(),
            a.getLogin(),
            AuditAction.PASSWORD_RESET,
            "compte " + a.getLogin(),
            "with the recovery key");
  }

  /** Lifts the temporary lock after wrong passwords. */
  public void unlock(UUID accountId) {
    access.require(Permission.ACCOUNTS_MANAGE);
    AccountRecord a = AccountRows.existing(db.dsl(), accountId);
    auth.store().failed(accountId, new fr.passerelle.security.SignInThrottle.State(0, null, null));
    keys.clearThrottle(accountId);
    access.audit().record(AuditAction.ACCOUNT_CHANGED, null, "compte " + a.getLogin(), "unlocked");
  }

  /** The idle time after which the window locks itself. */
  public Duration idleLock() {
    return settings
        .get(IDLE_LOCK_SETTING)
        .flatMap(
            v -> {
              try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
              } catch (NumberFormatException e) {
                return java.util.Optional.empty();
              }
            })
        .filter(d -> d.compareTo(MIN_IDLE_LOCK) >= 0 && d.compareTo(MAX_IDLE_LOCK) <= 0)
        .orElse(DEFAULT_IDLE_LOCK);
  }

  /** Sets the idle time after which the window locks itself (1 s to 4 h). */
  public void setIdleLock(Duration idle) {
    access.require(Permission.SETTINGS_MANAGE);
    if (idle == null || idle.compareTo(MIN_IDLE_LOCK) < 0 || idle.compareTo(MAX_IDLE_LOCK) > 0) {
      throw InvalidInputException.of(
          "accounts.error.idle", "The idle lock must be between 1 second and 4 hours.");
    }
    settings.put(IDLE_LOCK_SETTING, Long.toString(idle.toSeconds()));
    access
        .audit()
        .record(AuditAction.SETTINGS_CHANGED, null, IDLE_LOCK_SETTING, idle.toSeconds() + " s");
  }

  /** The account with this login; refused (exit 2) when there is none. */
  public Account byLogin(String login) {
    access.require(Permission.ACCOUNTS_MANAGE);
    String l = login == null ? "" : DatabaseCredentialStore.normalise(login);
    UUID id =
        db.dsl()
            .select(ACCOUNT.ID)
            .from(ACCOUNT)
            .where(ACCOUNT.LOGIN.eq(l))
            .fetchOptional(ACCOUNT.ID)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "accounts.error.unknown", "No account with the login \"" + l + "\".", l));
    return load(id);
  }

  /** One account (an administrator's view). */
  public Account find(UUID accountId) {
    access.require(Permission.ACCOUNTS_MANAGE);
    return load(accountId);
  }

  /** The account as stored (after a change the caller was allowed to make). */
  private Account load(UUID accountId) {
    AccountRecord r = AccountRows.existing(db.dsl(), accountId);
    return AccountRows.toAccount(
        r,
        db.dsl()
            .select(ACCOUNT_ROLE.ROLE_CODE)
            .from(ACCOUNT_ROLE)
            .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId))
            .fetch(ACCOUNT_ROLE.ROLE_CODE));
  }

  private void refreshIfSelf(UUID accountId) {
    if (access.principal().map(p -> p.accountId().equals(accountId)).orElse(false)) {
      signIn.refresh();
    }
  }

  private static boolean known(String permission) {
    try {
      Permission.valueOf(permission);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }
}
