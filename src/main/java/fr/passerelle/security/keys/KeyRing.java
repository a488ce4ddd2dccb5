package fr.passerelle.security.keys;

import fr.passerelle.core.InvalidInputException;
import fr.passerelle.db.WallClock;
import fr.passerelle.db.crypto.DatabaseEncryption;
import fr.passerelle.security.Authenticator;
import fr.passerelle.security.CredentialStore;
import fr.passerelle.security.PasswordHasher;
import fr.passerelle.security.SignInException;
import fr.passerelle.security.SignInThrottle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The key slots of one open installation and its file key, in memory while the database is open
 * (ADR 0110): an account's slot is added when it is created, rewrapped when its password changes or
 * is reset, removed when it is disabled; the recovery slot is renewed by an administrator. On a
 * clear installation ({@link #clear()}) every change is a no-op.
 */
public final class KeyRing {
  private final Path file;
  private final FileKey key;
  private final PasswordHasher.Params params;
  private final SlotCipher cipher = new SlotCipher();
  private KeySlots slots;
  private boolean byRecovery;

  /** The office server's copy of the slots (ADR 0190), null when none is kept. */
  private ServerSlots shared;

  private KeyRing(Path file, FileKey key, PasswordHasher.Params params, KeySlots slots) {
    this.file = file;
    this.key = key;
    this.params = params;
    this.slots = slots;
  }

  /** A clear installation: no file key, no slots. */
  public static KeyRing clear() {
    return new KeyRing(null, null, null, null);
  }

  /** True when the database is encrypted (its file key is held here). */
  public boolean encrypted() {
    return key != null;
  }

  /** True when the recovery key opened the database (nobody signed in: a recovery of access). */
  public boolean openedByRecovery() {
    return byRecovery;
  }

  /**
   * The key the search index's files are encrypted with (32 bytes derived from the file key, ADR
   * 0171; the caller clears it), or null for a clear database.
   */
  public byte[] searchIndexKey() {
    return key == null ? null : key.derive("search index");
  }

  /** H2's file password, or null for a clear database. */
  public char[] h2FilePassword() {
    return key == null ? null : key.h2FilePassword();
  }

  /**
   * Opens the slot of {@code login} with {@code password} in {@code dataDir}'s key file, with the
   * sign-in throttle kept in the slot (a wrong password counted, the account made to wait or locked
   * as in the database). Unknown logins and accounts without a slot (disabled) get the same answer
   * as a wrong password, in the same time. A slot made at the conversion is renewed with a fresh
   * salt on success.
   */
  public static KeyRing unlock(
      Path dataDir, String login, char[] password, PasswordHasher.Params params, WallClock clock) {
    Path file = KeySlots.file(dataDir);
    synchronized (KeyRing.class) {
      KeySlots all = KeySlots.read(file);
      SlotCipher cipher = new SlotCipher();
      Optional<KeySlots.Slot> found = all.byLogin(login);
      if (found.isEmpty()) {
        cipher.burn(password, params);
        throw SignInException.refused(Authenticator.Refusal.WRONG, null);
      }
      KeySlots.Slot s = found.get();
      Instant now = Instant.ofEpochMilli(clock.millis());
      if (s.lockedUntil() != null && now.isBefore(s.lockedUntil())) {
        throw SignInException.refused(Authenticator.Refusal.LOCKED, s.lockedUntil());
      }
      if (s.nextAttemptAt() != null && now.isBefore(s.nextAttemptAt())) {
        throw SignInException.refused(Authenticator.Refusal.WAIT, s.nextAttemptAt());
      }
      Optional<FileKey> key = cipher.open(s, password);
      if (key.isEmpty()) {
        SignInThrottle.State st = SignInThrottle.afterFailure(s.failures(), now);
        all.with(s.withThrottle(st.failures(), st.nextAttemptAt(), st.lockedUntil())).write(file);
        throw SignInException.refused(
            st.lockedUntil() != null ? Authenticator.Refusal.LOCKED : Authenticator.Refusal.WRONG,
            st.nextAttemptAt());
      }
      KeyRing ring = new KeyRing(file, key.get(), params, all);
      if (s.renew()) {
        ring.put(s.account(), s.login(), password);
      } else if (s.failures() > 0 || s.nextAttemptAt() != null) {
        ring.slots = all.with(s.withThrottle(0, null, null));
        ring.slots.write(file);
      }
      return ring;
    }
  }

  /**
   * Opens the slot of {@code login} with {@code password} among the key slots {@code slots} a
   * backup carries (ADR 0146): the ring of the installation that made it, to live in {@code
   * dataDir} once the backup is restored there. Nothing is written (a wrong password is not
   * counted: a backup is a copy, each guess costs its Argon2id derivation). Refused as a wrong
   * password when the login has no slot or the password does not open it.
   */
  public static KeyRing unlockCarried(
      byte[] slots,
      String backupName,
      Path dataDir,
      String login,
      char[] password,
      PasswordHasher.Params params) {
    KeySlots all = KeySlots.parse(slots, Path.of(backupName));
    SlotCipher cipher = new SlotCipher();
    Optional<KeySlots.Slot> found = all.byLogin(login);
    if (found.isEmpty()) {
      cipher.burn(password, params);
      throw SignInException.refused(Authenticator.Refusal.WRONG, null);
    }
    FileKey key =
        cipher
            .open(found.get(), password)
            .orElseThrow(() -> SignInException.refused(Authenticator.Refusal.WRONG, null));
    return new KeyRing(KeySlots.file(dataDir), key, params, all);
  }

  /**
   * Opens the recovery slot with {@code recovery}; refused with a clear message when the key is
   * wrong or the installation has no recovery slot (nothing is changed).
   */
  public static KeyRing recover(Path dataDir, RecoveryKey recovery, PasswordHasher.Params params) {
    Path file = KeySlots.file(dataDir);
    KeySlots all = KeySlots.read(file);
    KeySlots.Slot s =
        all.recovery()
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "keys.error.noRecovery",
                        "This installation has no recovery key: an administrator creates one with"
                            + " 'passerelle accounts recovery-key'."));
    char[] secret = recovery.secret();
    try {
      FileKey key =
          new SlotCipher()
              .open(s, secret)
              .orElseThrow(
                  () ->
                      InvalidInputException.of(
                          "keys.error.recoveryWrong",
                          "This recovery key does not open the database of "
                              + dataDir
                              + ": check each group of four (nothing was changed)."));
      KeyRing ring = new KeyRing(file, key, params, all);
      ring.byRecovery = true;
      return ring;
    } finally {
      java.util.Arrays.fill(secret, '\0');
    }
  }

  /**
   * The key ring of a database about to be encrypted: a fresh file key; a slot for {@code login}
   * from its password, and for each other account from its stored hash (renewed at its next
   * sign-in); a recovery slot when {@code recovery} is not null. Nothing is written: {@link
   * #writeTo} at the conversion's point of no return.
   */
  public static KeyRing fresh(
      Path dataDir,
      PasswordHasher.Params params,
      UUID account,
      String login,
      char[] password,
      Collection<CredentialStore.Stored> others,
      RecoveryKey recovery) {
    KeyRing ring =
        new KeyRing(
            KeySlots.file(dataDir), FileKey.random(), params, new KeySlots(java.util.List.of()));
    KeySlots s = ring.slots;
    s =
        s.with(
            ring.cipher.seal(
                KeySlots.Kind.ACCOUNT, account, norm(login), password, ring.key, params));
    for (CredentialStore.Stored o : others) {
      if (o.disabled() || o.accountId().equals(account)) {
        continue;
      }
      Optional<KeySlots.Slot> slot =
          ring.cipher.sealFromHash(o.accountId(), norm(o.login()), o.hash(), ring.key);
      if (slot.isPresent()) {
        s = s.with(slot.get());
      }
    }
    if (recovery != null) {
      char[] secret = recovery.secret();
      try {
        s = s.with(ring.cipher.seal(KeySlots.Kind.RECOVERY, null, null, secret, ring.key, params));
      } finally {
        java.util.Arrays.fill(secret, '\0');
      }
    }
    ring.slots = s;
    return ring;
  }

  /**
   * Keeps these slots on the office server of {@code db} too (ADR 0190), and follows it: when the
   * server holds none yet, this workstation's are stored there; else the server's slots replace
   * this file's (an account created, a password changed or an account disabled on another
   * workstation), each keeping the throttle counted here — but a slot renewed here at this sign-in
   * (ADR 0110's {@code renew}) is stored there instead. Then every change of this ring is also made
   * on the server. A clear installation keeps nothing.
   */
  public synchronized void shareOn(fr.passerelle.db.Database db) {
    if (!encrypted()) {
      return;
    }
    ServerSlots server = new ServerSlots(db);
    List<String> there = server.all();
    KeySlots mine = current();
    if (there.isEmpty()) {
      mine.slots().forEach(server::put);
    } else {
      KeySlots theirs =
          KeySlots.parse(KeySlots.assemble(there), Path.of("the office database (table key_slot)"));
      for (KeySlots.Slot t : theirs.slots()) {
        Optional<KeySlots.Slot> m =
            t.kind() == KeySlots.Kind.RECOVERY ? mine.recovery() : mine.byAccount(t.account());
        if (t.renew() && m.isPresent() && !m.get().renew()) {
          server.put(m.get());
          theirs = theirs.with(m.get());
        }
      }
      KeySlots fresh = mine.adopting(theirs);
      fresh.write(file);
      slots = fresh;
    }
    shared = server;
  }

  /**
   * The key ring of the office server's installation, opened with {@code login}'s {@code password}
   * among the slots {@code shared} kept there (ADR 0190), to live in {@code dataDir} (a workstation
   * joining the office). Nothing is written; refused as a wrong password when the login has no slot
   * or the password does not open it.
   */
  public static KeyRing joining(
      List<String> shared,
      String where,
      Path dataDir,
      String login,
      char[] password,
      PasswordHasher.Params params) {
    return unlockCarried(KeySlots.assemble(shared), where, dataDir, login, password, params);
  }

  /** Writes the slots to {@code target} (the conversion's new key file). */
  public synchronized void writeTo(Path target) {
    slots.write(target);
  }

  /** Adds or rewraps the slot of {@code account} for {@code password}. */
  public synchronized void put(UUID account, String login, char[] password) {
    if (!encrypted()) {
      return;
    }
    KeySlots fresh =
        current()
            .with(cipher.seal(KeySlots.Kind.ACCOUNT, account, norm(login), password, key, params));
    fresh.write(file);
    slots = fresh;
    if (shared != null) {
      shared.put(fresh.byAccount(account).orElseThrow());
    }
  }

  /** Removes the slot of {@code account}: its password no longer opens the database. */
  public synchronized void remove(UUID account) {
    if (!encrypted()) {
      return;
    }
    KeySlots fresh = current().without(account);
    fresh.write(file);
    slots = fresh;
    if (shared != null) {
      shared.remove(account.toString());
    }
  }

  /** True when {@code account} has a slot (always true on a clear installation). */
  public synchronized boolean has(UUID account) {
    return !encrypted() || current().byAccount(account).isPresent();
  }

  /** Clears the throttle kept in {@code account}'s slot (an administrator unlocked it). */
  public synchronized void clearThrottle(UUID account) {
    if (!encrypted()) {
      return;
    }
    Optional<KeySlots.Slot> s = current().byAccount(account);
    if (s.isPresent()) {
      KeySlots fresh = current().with(s.get().withThrottle(0, null, null));
      fresh.write(file);
      slots = fresh;
    }
  }

  /** A new recovery key replacing the previous one (shown once to the administrator). */
  public synchronized RecoveryKey renewRecovery() {
    if (!encrypted()) {
      throw InvalidInputException.of(
          "keys.error.clear", "This installation's database is not encrypted: no recovery key.");
    }
    RecoveryKey r = RecoveryKey.random();
    char[] secret = r.secret();
    try {
      KeySlots fresh =
          current().with(cipher.seal(KeySlots.Kind.RECOVERY, null, null, secret, key, params));
      fresh.write(file);
      slots = fresh;
      if (shared != null) {
        shared.put(fresh.recovery().orElseThrow());
      }
    } finally {
      java.util.Arrays.fill(secret, '\0');
    }
    return r;
  }

  /** The slots as the file holds them now (another process may have counted a failure). */
  private KeySlots current() {
    if (Files.exists(file)) {
      slots = KeySlots.read(file);
    }
    return slots;
  }

  /** True when {@code dataDir} holds an encrypted database. */
  public static boolean isEncrypted(Path dataDir) {
    return DatabaseEncryption.encrypted(dataDir);
  }

  private static String norm(String login) {
    return login.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return encrypted() ? "KeyRing[" + file + "]" : "KeyRing[clear]";
  }
}
