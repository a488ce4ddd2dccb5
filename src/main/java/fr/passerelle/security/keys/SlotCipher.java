package fr.passerelle.security.keys;

import fr.passerelle.security.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wraps and unwraps the file key of one slot: Argon2id of the secret (a password, the recovery key)
 * with the slot's salt and parameters, then HMAC-SHA256 of that under a fixed label gives the
 * wrapping key; the file key is sealed with AES-256-GCM, the slot's kind and account as associated
 * data (a slot moved to another account does not open).
 */
final class SlotCipher {
  private static final byte[] LABEL = "passerelle key slot v1".getBytes(StandardCharsets.US_ASCII);
  private static final int SALT = 16;
  private static final int NONCE = 12;
  private static final int DERIVED = 32;
  private final SecureRandom random = new SecureRandom();

  /** A new slot for {@code secret}, with a fresh salt and {@code params}. */
  KeySlots.Slot seal(
      KeySlots.Kind kind,
      UUID account,
      String login,
      char[] secret,
      FileKey key,
      PasswordHasher.Params params) {
    byte[] salt = new byte[SALT];
    random.nextBytes(salt);
    byte[] derived = PasswordHasher.derive(secret, salt, params, DERIVED);
    try {
      return sealWith(kind, account, login, derived, salt, params, key, false);
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  /**
   * A slot for an account whose password is not at hand (the conversion of a clear database): its
   * Argon2id hash, read from the database, is the derived secret, with its salt and parameters. The
   * hash is in the encrypted database only from then on; the slot is renewed with a fresh salt at
   * the account's next sign-in.
   */
  Optional<KeySlots.Slot> sealFromHash(UUID account, String login, String phc, FileKey key) {
    PasswordHasher.Parsed p = PasswordHasher.parse(phc);
    if (p == null || p.hash().length != DERIVED) {
      return Optional.empty();
    }
    return Optional.of(
        sealWith(KeySlots.Kind.ACCOUNT, account, login, p.hash(), p.salt(), p.params(), key, true));
  }

  private KeySlots.Slot sealWith(
      KeySlots.Kind kind,
      UUID account,
      String login,
      byte[] derived,
      byte[] salt,
      PasswordHasher.Params params,
      FileKey key,
      boolean renew) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    byte[] plain = key.bytes();
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, derived, nonce, kind, account);
      byte[] wrapped = c.doFinal(plain);
      return new KeySlots.Slot(
          kind, account, login, salt, params, nonce, wrapped, renew, 0, null, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** The file key if {@code secret} opens {@code slot}. */
  Optional<FileKey> open(KeySlots.Slot slot, char[] secret) {
    byte[] derived = PasswordHasher.derive(secret, slot.salt(), slot.params(), DERIVED);
    byte[] plain = null;
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, derived, slot.nonce(), slot.kind(), slot.account());
      plain = c.doFinal(slot.wrapped());
      if (plain.length != FileKey.BYTES) {
        return Optional.empty();
      }
      return Optional.of(new FileKey(plain));
    } catch (AEADBadTagException wrong) {
      return Optional.empty();
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // a damaged slot (nonce of another length...) opens with no password
      return Optional.empty();
    } finally {
      Arrays.fill(derived, (byte) 0);
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  /** Spends the time of one slot opening (an unknown login answers as slowly as a known one). */
  void burn(char[] secret, PasswordHasher.Params params) {
    Arrays.fill(PasswordHasher.derive(secret, new byte[SALT], params, DERIVED), (byte) 0);
  }

  private static Cipher cipher(
      int mode, byte[] derived, byte[] nonce, KeySlots.Kind kind, UUID account)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(derived, "HmacSHA256"));
    byte[] kek = mac.doFinal(LABEL);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(
          (kind.name() + "|" + (account == null ? "recovery" : account.toString()))
              .getBytes(StandardCharsets.US_ASCII));
      return c;
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }
}
