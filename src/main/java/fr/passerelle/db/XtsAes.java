package fr.passerelle.db;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * XTS-AES over 4 KB sectors as H2's encrypted files use it ({@code CIPHER=AES}: one AES key for the
 * data and the tweaks, the tweak of a sector the AES of its number as 16 little-endian bytes,
 * multiplied by x in GF(2^128) from one 16-byte block to the next), done with the JDK's AES — the
 * processor's AES instructions — over whole runs of sectors at once (ADR 0207): the tweaks of a run
 * are computed first (one AES call for the run's sector numbers, then doublings on longs), XORed
 * in, the run deciphered or enciphered by one ECB call in place, the tweaks XORed again.
 *
 * <p>Thread-safe: each call takes a pair of ciphers from a small pool (a JCA {@link Cipher} is
 * not), so H2's concurrent readers do not wait for each other.
 */
final class XtsAes {
  static final int SECTOR = 4096;
  private static final int BLOCK = 16;
  private static final int BLOCKS_PER_SECTOR = SECTOR / BLOCK;
  private static final long GF_128_FEEDBACK = 0x87;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final SecretKeySpec key;
  private final ConcurrentLinkedDeque<Cipher[]> pool = new ConcurrentLinkedDeque<>();

  /** {@code key}: the 16 bytes of AES-128 (H2 derives them by PBKDF2); copied. */
  XtsAes(byte[] key) {
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * Deciphers in place {@code len / 4096} whole sectors at {@code off}, the first {@code sector}.
   */
  void decrypt(long sector, byte[] data, int off, int len) throws IOException {
    apply(false, sector, data, off, len);
  }

  /**
   * Enciphers in place {@code len / 4096} whole sectors at {@code off}, the first {@code sector}.
   */
  void encrypt(long sector, byte[] data, int off, int len) throws IOException {
    apply(true, sector, data, off, len);
  }

  private void apply(boolean encrypt, long sector, byte[] data, int off, int len)
      throws IOException {
    if (len % SECTOR != 0) {
      throw new IllegalArgumentException("not whole sectors: " + len);
    }
    int sectors = len / SECTOR;
    if (sectors == 0) {
      return;
    }
    Cipher[] c = pool.pollFirst();
    try {
      if (c == null) {
        c = newCiphers();
      }
      byte[] tweaks = tweaks(c[0], sector, sectors);
      xor(data, off, tweaks, len);
      Cipher run = encrypt ? c[0] : c[1];
      if (run.doFinal(data, off, len, data, off) != len) {
        throw new IOException("AES returned a short run");
      }
      xor(data, off, tweaks, len);
    } catch (GeneralSecurityException e) {
      throw new IOException("AES failed", e);
    } finally {
      if (c != null) {
        pool.offerFirst(c);
      }
    }
  }

  /** The 256 tweaks of each of {@code sectors} sectors from {@code first}, 4 KB per sector. */
  private static byte[] tweaks(Cipher enc, long first, int sectors)
      throws GeneralSecurityException {
    byte[] starts = new byte[sectors * BLOCK];
    for (int s = 0; s < sectors; s++) {
      LONGS.set(starts, s * BLOCK, first + s); // the upper 8 bytes stay 0
    }
    enc.doFinal(starts, 0, starts.length, starts, 0);
    byte[] tweaks = new byte[sectors * SECTOR];
    for (int s = 0; s < sectors; s++) {
      long lo = (long) LONGS.get(starts, s * BLOCK);
      long hi = (long) LONGS.get(starts, s * BLOCK + 8);
      int at = s * SECTOR;
      for (int b = 0; b < BLOCKS_PER_SECTOR; b++, at += BLOCK) {
        LONGS.set(tweaks, at, lo);
        LONGS.set(tweaks, at + 8, hi);
        long carry = hi >> 63; // all ones when the top bit falls out
        hi = (hi << 1) | (lo >>> 63);
        lo = (lo << 1) ^ (carry & GF_128_FEEDBACK);
      }
    }
    return tweaks;
  }

  private static void xor(byte[] data, int off, byte[] tweaks, int len) {
    for (int i = 0; i < len; i += 8) {
      LONGS.set(data, off + i, (long) LONGS.get(data, off + i) ^ (long) LONGS.get(tweaks, i));
    }
  }

  private Cipher[] newCiphers() throws GeneralSecurityException {
    Cipher enc = Cipher.getInstance("AES/ECB/NoPadding");
    enc.init(Cipher.ENCRYPT_MODE, key);
    Cipher dec = Cipher.getInstance("AES/ECB/NoPadding");
    dec.init(Cipher.DECRYPT_MODE, key);
    return new Cipher[] {enc, dec};
  }
}
