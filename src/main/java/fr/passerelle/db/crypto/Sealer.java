package fr.passerelle.db.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small secrets kept beside an encrypted database (ADR 0145) with AES-256-GCM under a key
 * derived from the database's file key: {@code HMAC-SHA256(file key, label)}, one label per use, so
 * that no two uses share a key and the file key itself is never used outside H2. Whoever opens the
 * database (an account's key slot, the recovery key) opens what is sealed; without it, the sealed
 * bytes are noise. A sealed value is {@code nonce (12 bytes) || ciphertext || tag}.
 */
public final class Sealer {
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private final byte[] key;
  private final SecureRandom random = new SecureRandom();

  private Sealer(byte[] key) {
    this.key = key;
  }

  /**
   * The sealer of {@code label} for the database whose H2 file password is {@code filePassword}
   * (the file key's hex digits, ADR 0110).
   */
  public static Sealer of(char[] filePassword, String label) {
    byte[] fileKey = HexFormat.of().parseHex(new String(filePassword));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(fileKey, "HmacSHA256"));
      return new Sealer(mac.doFinal(label.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    } finally {
      Arrays.fill(fileKey, (byte) 0);
    }
  }

  /** {@code plain} sealed, bound to {@code context} (authenticated, not encrypted). */
  public byte[] seal(byte[] plain, byte[] context) {
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      byte[] ct = cipher(Cipher.ENCRYPT_MODE, nonce, context).doFinal(plain);
      byte[] out = Arrays.copyOf(nonce, NONCE + ct.length);
      System.arraycopy(ct, 0, out, NONCE, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /**
   * The plain bytes of {@code sealed}, or empty when this sealer did not seal them with {@code
   * context} (another database's key, altered bytes).
   */
  public Optional<byte[]> open(byte[] sealed, byte[] context) {
    if (sealed.length < NONCE + TAG_BITS / 8) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE), context)
              .doFinal(sealed, NONCE, sealed.length - NONCE));
    } catch (AEADBadTagException wrong) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, byte[] context) throws GeneralSecurityException {
    Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
    c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    c.updateAAD(context);
    return c;
  }

  @Override
  public String toString() {
    return "Sealer[hidden]";
  }
}
