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
