package fr.passerelle.security.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The random 256-bit key of an encrypted database (H2 {@code CIPHER=AES}). Held in memory while the
 * database is open, never written in clear: the key-slot file holds it wrapped ({@link KeySlots}).
 */
public final class FileKey {
  static final int BYTES = 32;
  private final byte[] key;

  FileKey(byte[] key) {
    if (key.length != BYTES) {
      throw new IllegalArgumentException("a file key has " + BYTES + " bytes");
    }
    this.key = key.clone();
  }

  /** A fresh random key. */
  public static FileKey random() {
    byte[] b = new byte[BYTES];
    new SecureRandom().nextBytes(b);
    try {
      return new FileKey(b);
    } finally {
      Arrays.fill(b, (byte) 0);
    }
  }

  byte[] bytes() {
    return key.clone();
  }

  /**
   * A 32-byte key for {@code purpose} derived from this one (HKDF-SHA256, RFC 5869, one block):
   * another use of the file key (the search index's files, ADR 0171) never holds the key itself,
   * and knowing the derived key reveals nothing of the file key.
   */
  byte[] derive(String purpose) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              "passerelle file key".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
              "HmacSHA256"));
      byte[] prk = mac.doFinal(key);
      mac.init(new javax.crypto.spec.SecretKeySpec(prk, "HmacSHA256"));
      Arrays.fill(prk, (byte) 0);
      mac.update(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      mac.update((byte) 1);
      return mac.doFinal();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  /**
   * H2's file password for this key: its hex digits (the JDBC password is then "file password,
   * space, user password").
   */
  public char[] h2FilePassword() {
    return HexFormat.of().formatHex(key).toCharArray();
  }

  @Override
  public String toString() {
    return "FileKey[hidden]";
  }
}
