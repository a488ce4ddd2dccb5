package fr.passerelle.sync;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The fingerprint of an installation's two public keys, read over the phone: SHA-256 over both
 * keysets (length-prefixed), its first 160 bits in base32 (RFC 4648 alphabet), groups of four.
 */
public final class Fingerprint {
  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  static final int BITS = 160;

  private Fingerprint() {}

  public static String of(byte[] signingKey, byte[] encryptionKey) {
    MessageDigest sha = sha256();
    sha.update("passerelle-identity-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    sha.update(ByteBuffer.allocate(4).putInt(signingKey.length).array());
    sha.update(signingKey);
    sha.update(ByteBuffer.allocate(4).putInt(encryptionKey.length).array());
    sha.update(encryptionKey);
    byte[] h = sha.digest();
    return grouped(base32(h, BITS / 8));
  }

  /** Base32 of the first {@code len} bytes (a multiple of 5), no padding. */
  static String base32(byte[] bytes, int len) {
    StringBuilder sb = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < len; i++) {
      buffer = (buffer << 8) | (bytes[i] & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
    }
    return sb.toString();
  }

  static String grouped(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i += 4) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(s, i, Math.min(s.length(), i + 4));
    }
    return sb.toString();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
