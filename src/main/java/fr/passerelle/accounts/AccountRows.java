package fr.passerelle.accounts;

import static fr.passerelle.db.jooq.Tables.ACCOUNT;
import static fr.passerelle.db.jooq.Tables.ACCOUNT_ROLE;
import static fr.passerelle.db.jooq.Tables.COUNSELOR;
import static fr.passerelle.db.jooq.Tables.ROLE;

import fr.passerelle.core.ControlCharacters;
import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.ReplicatedWriter;
import fr.passerelle.db.jooq.tables.records.AccountRecord;
import fr.passerelle.db.jooq.tables.records.CounselorRecord;
import fr.passerelle.office.Office;
import fr.passerelle.security.DatabaseCredentialStore;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The rows of accounts and their roles, and the rules on them (login, known roles, the last
 * administrator), inside the caller's transaction; the counselor row a new account may get.
 */
final class AccountRows {
  private static final java.util.regex.Pattern LOGIN =
      java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  private AccountRows() {}

  static AccountRecord insert(
      DSLContext tx,
      ReplicatedWriter writer,
      AccountDraft d,
      String hash,
      boolean mustChange,
      Office office,
      Instant at) {
    checkLogin(tx, d.login());
    checkNames(d);
    UUID counselor = d.counselorId();
    if (counselor == null && d.newCounselor()) {
      CounselorRecord c = tx.newRecord(COUNSELOR);
      c.setFirstName(blankToNull(d.firstName()));
      c.setLastName(blankToNull(d.lastName()));
      c.setOfficeId(office == null ? null : office.id());
      writer.insert(tx, c);
      counselor = c.getId();
    }
    OffsetDateTime now = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    AccountRecord r = tx.newRecord(ACCOUNT);
    r.setId(UUID.randomUUID());
    r.setLogin(DatabaseCredentialStore.normalise(d.login()));
    r.setFirstName(blankToNull(d.firstName()));
    r.setLastName(blankToNull(d.lastName()));
    r.setCounselorId(counselor);
    r.setPasswordHash(hash);
    r.setMustChange(mustChange);
    r.setDisabled(false);
    r.setFailedCount(0);
    r.setCreatedAt(now);
    r.setPasswordChangedAt(now);
    r.insert();
    for (String role : new LinkedHashSet<>(d.roles())) {
      tx.insertInto(ACCOUNT_ROLE)
          .set(ACCOUNT_ROLE.ACCOUNT_ID, r.getId())
          .set(ACCOUNT_ROLE.ROLE_CODE, role)
          .execute();
    }
    return r;
  }

  static void checkLogin(DSLContext tx, String login) {
    String l = login == null ? "" : DatabaseCredentialStore.normalise(login);
    if (!LOGIN.matcher(l).matches()) {
      throw InvalidInputException.of(
          "accounts.error.login",
          "The login \""
              + (login == null ? "" : login)
              + "\" is invalid: 2 to 64 letters, digits, dots, dashes or underscores.");
    }
    if (tx.fetchExists(ACCOUNT, ACCOUNT.LOGIN.eq(l))) {
      throw InvalidInputException.of(
          "accounts.error.taken", "The login \"" + l + "\" is already taken.", l);
    }
  }

  /** The names shown for the account (and its new counselor): no control character. */
  static void checkNames(AccountDraft d) {
    ControlCharacters.require(
        "first name", d.firstName(), false, "accounts.error.firstNameControl");
    ControlCharacters.require("last name", d.lastName(), false, "accounts.error.lastNameControl");
  }

  static void checkRoles(DSLContext ctx, List<String> roles) {
    Set<String> known = ctx.select(ROLE.CODE).from(ROLE).fetchSet(ROLE.CODE);
    List<String> unknown = new ArrayList<>();
    for (String r : roles) {
      if (!known.contains(r)) {
        unknown.add(r);
      }
    }
    if (!unknown.isEmpty() || roles.isEmpty()) {
      throw InvalidInputException.of(
          "accounts.error.roles",
          "Unknown or missing role "
              + String.join(", ", unknown)
              + ": expected one or more of "
              + String.join(", ", known)
              + ".");
    }
  }

  static boolean isAdministrator(DSLContext tx, UUID accountId) {
    return tx.fetchExists(
        ACCOUNT_ROLE,
        ACCOUNT_ROLE.ACCOUNT_ID.eq(accountId).and(ACCOUNT_ROLE.ROLE_CODE.eq(Roles.ADMINISTRATOR)));
  }

  static void requireAnotherAdministrator(DSLContext tx, UUID accountId) {
    boolean another =
        tx.fetchExists(
            tx.selectOne()
                .from(ACCOUNT_ROLE)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(ACCOUNT_ROLE.ACCOUNT_ID))
                .where(ACCOUNT_ROLE.ROLE_CODE.eq(Roles.ADMINISTRATOR))
                .and(ACCOUNT.ID.ne(accountId))
                .and(ACCOUNT.DISABLED.isFalse()));
    if (!another) {
      throw InvalidInputException.of(
          "accounts.error.lastAdministrator",
          "This is the last administrator: give another account that role first.");
    }
  }

  static AccountRecord existing(DSLContext tx, UUID accountId) {
    AccountRecord r = tx.selectFrom(ACCOUNT).where(ACCOUNT.ID.eq(accountId)).fetchOne();
    if (r == null) {
      throw InvalidInputException.of("error.gone", "No account with id " + accountId + ".");
    }
    return r;
  }

  static Account toAccount(AccountRecord r, List<String> roles) {
    return new Account(
        r.getId(),
        r.getLogin(),
        r.getFirstName(),
        r.getLastName(),
        r.getCounselorId(),
        roles,
        Boolean.TRUE.equals(r.getDisabled()),
        Boolean.TRUE.equals(r.getMustChange()),
        r.getLockedUntil(),
        r.getFailedCount() == null ? 0 : r.getFailedCount(),
        r.getLastSignInAt(),
        r.getCreatedAt());
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
