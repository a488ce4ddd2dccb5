package fr.passerelle.search;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * The index files of an encrypted installation, encrypted at rest (ADR 0171): each file is the
 * clear bytes Lucene writes, enciphered with AES-256 in counter mode under a fresh random IV,
 * behind a small header. Lucene's files are written once and never changed, so a counter stream is
 * never used twice; counter mode deciphers any position alone, which the random reads of a search
 * need.
 *
 * <p>Header ({@value #HEADER} bytes): the magic {@code PSX1}, the IV (16 bytes), and the first 16
 * bytes of HMAC-SHA256(check key, magic and IV). A file written under another key (a restored
 * backup of another installation, a clear index left in the folder) or with a damaged header is
 * refused at open ({@link CorruptIndexException}): the index is then rebuilt from the database.
 * Lucene's own checksum footer, computed on the clear bytes, checks the rest of each file as for a
 * clear index. Both keys derive from the 32-byte index key (itself derived from the database's file
 * key, never stored), so nothing in the folder reveals a name without the password.
 */
final class EncryptedDirectory extends FilterDirectory {
  static final byte[] MAGIC = {'P', 'S', 'X', '1'};
  static final int IV_BYTES = 16;
  static final int TAG_BYTES = 16;
  static final int HEADER = MAGIC.length + IV_BYTES + TAG_BYTES;

  private final SecretKeySpec cipherKey;
  private final byte[] checkKey;
  private final SecureRandom random = new SecureRandom();

  /** One counter-mode cipher per reading thread ({@link CipherIndexInput}). */
  private final ThreadLocal<Cipher> readers = ThreadLocal.withInitial(EncryptedDirectory::cipher);

  /** {@code indexKey}: 32 secret bytes (copied; the caller may clear its array). */
  EncryptedDirectory(Directory in, byte[] indexKey) {
    super(in);
    if (indexKey == null || indexKey.length != 32) {
      throw new IllegalArgumentException("an index key has 32 bytes");
    }
    byte[] c = hmac(indexKey, "passerelle search index: AES-CTR");
    this.cipherKey = new SecretKeySpec(c, "AES");
    Arrays.fill(c, (byte) 0);
    this.checkKey = hmac(indexKey, "passerelle search index: key check");
  }

  private static byte[] hmac(byte[] key, String label) {
    return hmac(key, label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 unavailable", e);
    }
  }

  /** The header of a file enciphered under {@code iv}. */
  private byte[] header(byte[] iv) {
    byte[] h = new byte[HEADER];
    System.arraycopy(MAGIC, 0, h, 0, MAGIC.length);
    System.arraycopy(iv, 0, h, MAGIC.length, IV_BYTES);
    byte[] tag = hmac(checkKey, Arrays.copyOf(h, MAGIC.length + IV_BYTES));
    System.arraycopy(tag, 0, h, MAGIC.length + IV_BYTES, TAG_BYTES);
    return h;
  }

  /**
   * A counter-mode cipher; {@code Cipher} objects are not thread-safe: one per reader or writer.
   */
  static Cipher cipher() {
    try {
      return Cipher.getInstance("AES/CTR/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR unavailable", e);
    }
  }

  /** The counter block for byte {@code position}: the IV plus its block number (128 bits). */
  static IvParameterSpec counter(byte[] iv, long position) {
    byte[] c = iv.clone();
    long add = position >>> 4;
    int carry = 0;
    for (int i = c.length - 1; i >= 0; i--) {
      int sum = (c[i] & 0xff) + (int) (add & 0xff) + carry;
      c[i] = (byte) sum;
      carry = sum >>> 8;
      add >>>= 8;
    }
    return new IvParameterSpec(c);
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    return enciphered(in.createOutput(name, context));
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
      throws IOException {
    return enciphered(in.createTempOutput(prefix, suffix, context));
  }

  private IndexOutput enciphered(IndexOutput out) throws IOException {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      out.writeBytes(header(iv), HEADER);
      Cipher c = cipher();
      c.init(Cipher.ENCRYPT_MODE, cipherKey, new IvParameterSpec(iv));
      return new CipherIndexOutput(out, c);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      out.close();
      throw e instanceof IOException io ? io : new IOException("cannot encipher " + out, e);
    }
  }

  @Override
  public IndexInput openInput(String name, IOContext context) throws IOException {
    IndexInput raw = in.openInput(name, context);
    try {
      if (raw.length() < HEADER) {
        throw new CorruptIndexException("too short for an encrypted index file", raw);
      }
      byte[] h = new byte[HEADER];
      raw.readBytes(h, 0, HEADER);
      byte[] iv = Arrays.copyOfRange(h, MAGIC.length, MAGIC.length + IV_BYTES);
      if (!MessageDigest.isEqual(h, header(iv))) {
        throw new CorruptIndexException(
            "not an index file encrypted with this installation's key", raw);
      }
      return new CipherIndexInput(
          "CipherIndexInput(" + name + ")",
          raw,
          0,
          raw.length() - HEADER,
          cipherKey,
          iv,
          readers,
          CipherIndexInput.bufferSize(context));
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** The length of the clear bytes. */
  @Override
  public long fileLength(String name) throws IOException {
    return Math.max(0, in.fileLength(name) - HEADER);
  }

  @Override
  public String toString() {
    return "EncryptedDirectory(" + in + ")";
  }
}
