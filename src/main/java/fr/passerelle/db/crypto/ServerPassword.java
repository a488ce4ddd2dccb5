package fr.passerelle.db.crypto;

import fr.passerelle.db.DatabaseException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The office server's password at rest (ADR 0150): sealed with AES-256-GCM under a key derived
 * (HMAC-SHA256, its own label) from the installation's file key, the key that the account slots of
 * {@code passerelle.keys} wrap (ADR 0110). Whoever can open a slot (an account's password, the
 * recovery key) can reach the server; the descriptor alone gives nothing.
 */
public final class ServerPassword {
  private static final byte[] LABEL =
      "passerelle office server password v1".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ServerPassword() {}

  /** {@code password} sealed: base64 of nonce and ciphertext, bound to {@code aad}. */
  public static String seal(char[] password, char[] fileKey, String aad) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    ByteBuffer plain = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[plain.remaining()];
    plain.get(bytes);
    try {
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, fileKey, nonce, aad).doFinal(bytes);
      byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (plain.hasArray()) {
        Arrays.fill(plain.array(), (byte) 0);
      }
    }
  }

  /** The password sealed in {@code sealed}; refused when the key or the server differ. */
  public static char[] unseal(String sealed, char[] fileKey, String aad) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed.trim());
    } catch (IllegalArgumentException e) {
      throw damaged(e);
    }
    if (bytes.length <= NONCE) {
      throw damaged(null);
    }
    byte[] plain = null;
    try {
      plain =
          cipher(Cipher.DECRYPT_MODE, fileKey, Arrays.copyOf(bytes, NONCE), aad)
              .doFinal(bytes, NONCE, bytes.length - NONCE);
      CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
      char[] out = new char[chars.remaining()];
      chars.get(out);
      if (chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw damaged(e);
    } finally {
      if (plain != null) {
        Arrays.fill(plain, (byte) 0);
      }
    }
  }

  private static DatabaseException damaged(Exception cause) {
    return new DatabaseException(
        "The office server's password kept in this data folder does not open with this"
            + " installation's key: set the server up again (passerelle init --database).",
        cause);
  }

  private static Cipher cipher(int mode, char[] fileKey, byte[] nonce, String aad)
      throws GeneralSecurityException {
    byte[] key = HexFormat.of().parseHex(CharBuffer.wrap(fileKey));
    byte[] kek = null;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      kek = mac.doFinal(LABEL);
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
      return c;
    } finally {
      Arrays.fill(key, (byte) 0);
      if (kek != null) {
        Arrays.fill(kek, (byte) 0);
      }
    }
  }
}
