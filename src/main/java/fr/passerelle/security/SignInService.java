package fr.passerelle.security;

import static fr.passerelle.db.jooq.Tables.ACCOUNT;
import static fr.passerelle.db.jooq.Tables.ACCOUNT_ROLE;
import static fr.passerelle.db.jooq.Tables.ROLE_PERMISSION;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.Database;
import fr.passerelle.db.InLists;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.jooq.tables.records.AccountRecord;
import fr.passerelle.security.keys.KeyRing;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Signing in and out, unlocking a locked window, changing one's own password. Every attempt is
 * audited (an unknown login without the text typed). Passwords arrive as {@code char[]}, are
 * checked, hashed or compared, and never stored, logged or kept.
 */
public final class SignInService {
  /** A signed-in account; {@code mustChange}: it must choose its own password now. */
  public record SignedIn(Principal principal, boolean mustChange) {}

  private final Database db;
  private final Access access;
  private final Authenticator auth;
  private final PassphrasePolicy policy = new PassphrasePolicy();
  private final WallClock clock;
  private final KeyRing keys;

  public SignInService(Database db, Access access, Authenticator auth, WallClock clock) {
    this(db, access, auth, clock, KeyRing.clear());
  }

  /** {@code keys}: the key slots of an encrypted database, rewrapped when a password changes. */
  public SignInService(
      Database db, Access access, Authenticator auth, WallClock clock, KeyRing keys) {
    this.db = db;
    this.access = access;
    this.auth = auth;
    this.clock = clock;
    this.keys = keys;
  }

  /** Signs {@code login} in (ending any other session); throws {@link SignInException}. */
  public SignedIn signIn(String login, char[] password) {
    return signIn(login, password, null);
  }

  /**
   * Signs {@code login} in through {@code channel} (the window, a command: written in the audit
   * trail).
   */
  public SignedIn signIn(String login, char[] password, String channel) {
    Authenticator.Outcome o = auth.check(login, password);
    if (!o.accepted()) {
      access
          .audit()
          .recordAs(
              o.accountId(),
              o.account().map(CredentialStore.Stored::login).orElse(null),
              AuditAction.SIGN_IN_FAILED,
              o.account().isPresent()
                  ? "compte " + o.account().get().login()
                  : "identifiant inconnu",
              o.refusal().name() + " failures=" + o.failures());
      throw refused(o);
    }
    Principal p = load(o.accountId());
    access.end();
    access.begin(p);
    access.audit().record(AuditAction.SIGN_IN, null, "compte " + p.login(), channel);
    return new SignedIn(p, o.account().get().mustChange());
  }

  /** Checks the signed-in account's password again (the window was locked). */
  public void unlock(char[] password) {
    Principal p =
        access.principal().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    Authenticator.Outcome o = auth.check(p.login(), password);
    if (!o.accepted()) {
      access
          .audit()
          .record(AuditAction.UNLOCK_FAILED, null, "compte " + p.login(), o.refusal().name());
      if (o.refusal() == Authenticator.Refusal.DISABLED || o.account().isEmpty()) {
        access.end();
      }
      throw refused(o);
    }
    access.end();
    access.begin(load(p.accountId()));
    access.audit().record(AuditAction.UNLOCK, null, "compte " + p.login(), null);
  }

  /** Ends the session (switch user, quit). */
  public void signOut() {
    Optional<Principal> p = access.principal();
    if (p.isPresent()) {
      access.audit().record(AuditAction.SIGN_OUT, null, "compte " + p.get().login(), null);
    }
    access.end();
  }

  /** True when no account exists yet: the office set-up creates the first administrator. */
  public boolean noAccountYet() {
    return !db.dsl().fetchExists(ACCOUNT);
  }

  /**
   * Replaces the signed-in account's password after checking the current one (a wrong one counts as
   * a failed sign-in); refused when the new one breaks the passphrase rule.
   */
  public void changePassword(char[] current, char[] fresh) {
    Principal p =
        access.principal().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    requireAcceptable(fresh, p.login(), p.firstName(), p.lastName());
    Authenticator.Outcome o = auth.check(p.login(), current);
    if (!o.accepted()) {
      access
          .audit()
          .record(AuditAction.UNLOCK_FAILED, null, "compte " + p.login(), "password change");
      throw refused(o);
    }
    // the slot first: a crash between the two leaves the new password opening the database,
    // and the old one still accepted by the account (an administrator's reset mends it)
    keys.put(p.accountId(), p.login(), fresh);
    auth.store()
        .setHash(
            p.accountId(), auth.hasher().hash(fresh), false, Instant.ofEpochMilli(clock.millis()));
    access.audit().record(AuditAction.PASSWORD_CHANGED, null, "compte " + p.login(), null);
  }

  /** Refuses a passphrase that breaks the rule, naming the first problem. */
  public void requireAcceptable(char[] phrase, String login, String first, String last) {
    List<PassphrasePolicy.Problem> problems = policy.check(phrase, login, first, last);
    if (!problems.isEmpty()) {
      PassphrasePolicy.Problem pb = problems.get(0);
      throw InvalidInputException.of(
          pb.key(),
          "The password is refused ("
              + pb.key().substring(pb.key().lastIndexOf('.') + 1)
              + "): choose a longer phrase — "
              + PassphrasePolicy.MIN_LENGTH
              + " characters at least, 80 bits as the CNIL counts them"
              + " (e.g. a phrase of a few lower-case words, 18 characters or more), without your login or name.",
          pb.arg());
    }
  }

  /** The passphrase rule's problems with {@code phrase} (empty: accepted), for a form. */
  public List<PassphrasePolicy.Problem> problems(
      char[] phrase, String login, String first, String last) {
    return policy.check(phrase, login, first, last);
  }

  /** Reads the account's roles and permissions again (after an administrator changed them). */
  public void refresh() {
    access.principal().ifPresent(p -> access.begin(load(p.accountId())));
  }

  /** The account with its permissions, as the roles in the tables grant them. */
  Principal load(UUID accountId) {
    AccountRecord a = db.dsl().selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchSingle();
    Set<String> roles =
        db.dsl()
            .select(ACCOUNT_ROLE.ROLE_CODE)
            .from(ACCOUNT_ROLE)
            .where(ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId))
            .fetchSet(ACCOUNT_ROLE.ROLE_CODE);
    Set<Permission> perms = EnumSet.noneOf(Permission.class);
    for (String code :
        db.dsl()
            .selectDistinct(ROLE_PERMISSION.PERMISSION_CODE)
            .from(ROLE_PERMISSION)
            .where(InLists.in(ROLE_PERMISSION.ROLE_CODE, roles))
            .fetch(ROLE_PERMISSION.PERMISSION_CODE)) {
      try {
        perms.add(Permission.valueOf(code));
      } catch (IllegalArgumentException unknownToThisVersion) {
        // a permission a newer version added: not enforced here
      }
    }
    return new Principal(
        a.getId(),
        a.getLogin(),
        a.getFirstName(),
        a.getLastName(),
        a.getCounselorId(),
        roles,
        perms);
  }

  private static SignInException refused(Authenticator.Outcome o) {
    return SignInException.refused(o.refusal(), o.retryAt());
  }
}
