package fr.passerelle.search;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.IndexInput;

/**
 * Reads an index file enciphered ({@link EncryptedDirectory}): each buffer Lucene fills is read
 * from the file and deciphered at its position (counter mode: the counter block of any byte is the
 * IV plus its block number), so seeks, clones and slices cost no more than a clear buffered read
 * and a decipherment of the bytes read. Clones and slices share the file; each thread reads with
 * its own cipher.
 */
final class CipherIndexInput extends BufferedIndexInput {
  private static final byte[] SKIP = new byte[16];

  private IndexInput in;

  /** Where this input's byte 0 stands among the file's clear bytes (a slice's offset). */
  private final long start;

  private final long length;
  private final SecretKeySpec key;
  private final byte[] iv;

  /**
   * The reading thread's cipher, initialised afresh for each buffer: creating one per clone cost
   * about as much as the deciphering (Lucene clones an input for every term and postings list).
   */
  private final ThreadLocal<Cipher> ciphers;

  private byte[] scratch = new byte[0];
  private boolean clone;

  CipherIndexInput(
      String description,
      IndexInput in,
      long start,
      long length,
      SecretKeySpec key,
      byte[] iv,
      ThreadLocal<Cipher> ciphers,
      int bufferSize) {
    super(description, bufferSize);
    this.ciphers = ciphers;
    this.in = in;
    this.start = start;
    this.length = length;
    this.key = key;
    this.iv = iv;
  }

  @Override
  protected void readInternal(ByteBuffer b) throws IOException {
    long pos = getFilePointer();
    int n = b.remaining();
    if (pos + n > length) {
      throw new EOFException("read past EOF: " + this);
    }
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, getBufferSize())];
    }
    long at = start + pos;
    in.seek(EncryptedDirectory.HEADER + at);
    in.readBytes(scratch, 0, n);
    try {
      Cipher cipher = ciphers.get();
      cipher.init(Cipher.DECRYPT_MODE, key, EncryptedDirectory.counter(iv, at));
      int skip = (int) (at & 15);
      if (skip > 0) {
        cipher.update(SKIP, 0, skip); // the keystream of the block's bytes before this position
      }
      int done = cipher.update(scratch, 0, n, scratch, 0);
      if (done != n) {
        throw new IOException("deciphered " + done + " of " + n + " bytes: " + this);
      }
    } catch (GeneralSecurityException e) {
      throw new IOException("deciphering " + this, e);
    }
    b.put(scratch, 0, n);
  }

  @Override
  protected void seekInternal(long pos) throws IOException {
    if (pos > length) {
      throw new EOFException("seek past EOF: " + this);
    }
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public CipherIndexInput clone() {
    CipherIndexInput c = (CipherIndexInput) super.clone();
    c.in = in.clone();
    c.scratch = new byte[0];
    c.clone = true;
    return c;
  }

  @Override
  public IndexInput slice(String description, long offset, long length) throws IOException {
    if (offset < 0 || length < 0 || offset + length > this.length) {
      throw new IllegalArgumentException(
          "slice() " + description + " out of bounds: " + offset + "+" + length + " > " + this);
    }
    CipherIndexInput s =
        new CipherIndexInput(
            getFullSliceDescription(description),
            in.clone(),
            start + offset,
            length,
            key,
            iv,
            ciphers,
            getBufferSize());
    s.clone = true;
    return s;
  }

  @Override
  public void close() throws IOException {
    if (!clone) {
      in.close();
    }
  }
}
